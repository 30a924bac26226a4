// "Present this plan": keep the plan in this tab's sessionStorage for present mode, then open
// the first block's page in present mode. Runs in the browser; the kernel is not needed.
function firstPage(plan) {
  const block = plan.blocks[0];
  const url = new URL(window.location.href);
  // The planner's own page sits beside every chapter: swap its file name, keep the ending
  // (.ipynb under Voilà, .html on the static site).
  const ending = (url.pathname.match(/\.(ipynb|html)$/) || [null, "ipynb"])[1];
  url.pathname = url.pathname.replace(/[^/]*$/, block.notebook + "." + ending);
  url.search = plan.lang === "cy" ? "?lang=cy" : "";
  url.hash = "present=" + block.section;
  return url.href;
}

function render({ model, el }) {
  const box = document.createElement("div");
  box.className = "pack-present-plan";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "jupyter-button widget-button qa-session-present";
  const status = document.createElement("p");
  status.className = "pack-status qa-session-present-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  const label = () => { button.textContent = model.get("label"); };
  label();
  model.on("change:label", label);
  // A changed plan makes an earlier message out of date.
  model.on("change:plan", () => { status.textContent = ""; });

  button.addEventListener("click", () => {
    const refusal = model.get("refusal");
    const plan = model.get("plan");
    if (refusal || !plan.blocks || !plan.blocks.length) {
      status.textContent = refusal;
      return;
    }
    try {
      window.sessionStorage.setItem(model.get("storage_key"), JSON.stringify(plan));
    } catch (error) {
      status.textContent = model.get("blocked_text");
      return;
    }
    status.textContent = model.get("opening_text");
    window.location.assign(firstPage(plan));
  });
  box.append(button, status);
  el.appendChild(box);
}
export default { render };
