// An advisory activity timer. It runs in the browser, so it keeps time without the kernel.
// Reaching zero only shows a gentle note: nothing is locked or cut short.
function format(seconds) {
  const sign = seconds < 0 ? "+" : "";
  const s = Math.abs(seconds);
  return sign + Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
}

function render({ model, el }) {
  const box = document.createElement("div");
  box.className = "pack-timer";
  box.setAttribute("role", "group");
  box.setAttribute("aria-label", model.get("label"));

  const display = document.createElement("p");
  display.className = "pack-timer__display";
  // Announcing every second would drown a screen reader; the status line speaks instead.
  display.setAttribute("aria-hidden", "true");

  const status = document.createElement("p");
  status.className = "pack-timer__status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");

  const makeButton = (text, className) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "jupyter-button widget-button " + className;
    button.textContent = text;
    return button;
  };
  const startPause = makeButton(model.get("start_text"), "pack-timer__start");
  const reset = makeButton(model.get("reset_text"), "pack-timer__reset");

  let remaining = model.get("minutes") * 60;
  let ticking = null;
  let told = false;

  const show = () => { display.textContent = format(remaining); };
  const stop = () => { clearInterval(ticking); ticking = null; startPause.textContent = model.get("start_text"); };

  startPause.addEventListener("click", () => {
    if (ticking) {
      stop();
      status.textContent = model.get("paused_text") + " " + format(remaining);
      return;
    }
    startPause.textContent = model.get("pause_text");
    status.textContent = model.get("running_text");
    ticking = setInterval(() => {
      remaining -= 1;
      show();
      if (remaining <= 0 && !told) {
        told = true;
        status.textContent = model.get("done_text");
      }
    }, 1000);
  });
  reset.addEventListener("click", () => {
    stop();
    remaining = model.get("minutes") * 60;
    told = false;
    show();
    status.textContent = model.get("reset_done_text");
  });

  show();
  box.append(display, startPause, reset, status);
  el.appendChild(box);
  return () => clearInterval(ticking);
}
export default { render };
