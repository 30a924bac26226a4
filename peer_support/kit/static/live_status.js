// A polite live region: screen readers announce changes without focus moving.
// The message is set with textContent, so it is always shown as text, never as HTML.
function render({ model, el }) {
  const region = document.createElement("div");
  region.className = "pack-status";
  region.setAttribute("role", "status");
  region.setAttribute("aria-live", "polite");
  const update = () => { region.textContent = model.get("message"); };
  update();
  model.on("change:message", update);
  el.appendChild(region);
}
export default { render };
