// Senco's only script, loaded as an ES module from the layout (the CSP allows script-src 'self'
// only, so there are no inline scripts anywhere). Everything here is progressive enhancement:
// every page works without it.
import { initAll } from "../dist/govuk-frontend.min.js";

// GOV.UK Frontend's components style and initialise themselves only when these classes are on
// <body>; its page template sets them with an inline script, which our CSP forbids, so we set
// them here. A browser running this module supports ES modules, which is exactly the test that
// template makes for "govuk-frontend-supported".
document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();

// One-page documents (class .senco-print-a4, e.g. a pupil passport) are scaled down just before
// printing if they would overflow a single A4 page. The print stylesheet already makes them
// compact and 186 mm wide; html.senco-measuring-print applies the same rules on screen for a
// moment so the height can be measured. 273 mm is A4's height less the 12 mm @page margins; aim
// a little under it, because screen and print layout round differently and one pixel too many
// spills onto a second page.
const PRINTABLE_HEIGHT_PX = ((273 * 96) / 25.4) * 0.95;

function fitToOnePage() {
  const root = document.documentElement;
  root.classList.add("senco-measuring-print");
  try {
    for (const el of document.querySelectorAll(".senco-print-a4")) {
      el.style.removeProperty("--senco-print-scale");
      const scale = Math.min(1, PRINTABLE_HEIGHT_PX / el.getBoundingClientRect().height);
      if (scale < 1) {
        el.style.setProperty("--senco-print-scale", scale.toFixed(3));
      }
    }
  } finally {
    root.classList.remove("senco-measuring-print");
  }
}

function resetPrintScale() {
  for (const el of document.querySelectorAll(".senco-print-a4")) {
    el.style.removeProperty("--senco-print-scale");
  }
}

if (document.querySelector(".senco-print-a4")) {
  window.addEventListener("beforeprint", fitToOnePage);
  window.addEventListener("afterprint", resetPrintScale);
}

// Print buttons (<button class="govuk-button senco-print-button" type="button">) need script,
// so they are hidden until it runs (the `hidden` attribute) and shown here.
for (const button of document.querySelectorAll(".senco-print-button")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}

// A form with a pupil picker holds two submit buttons, and the picker's "Find a pupil" comes first, so pressing Enter in
// any field (which submits with the first button) searched for a pupil instead of saving. With this script, Enter in
// the picker's search box finds, and Enter anywhere else in the form submits it with its own first button. Without the
// script Enter still searches, which keeps everything typed and saves nothing.
const ENTER_SUBMITS = new Set(["text", "search", "email", "number", "tel", "url", "password", "date", "time", "radio", "checkbox"]);
for (const form of document.querySelectorAll("form")) {
  if (!form.querySelector(".senco-pupil-picker__find")) continue;
  form.addEventListener("keydown", (event) => {
    const field = event.target;
    if (event.key !== "Enter" || event.isComposing || event.defaultPrevented) return;
    if (!(field instanceof HTMLInputElement) || !ENTER_SUBMITS.has(field.type)) return;
    const button = field.classList.contains("senco-pupil-picker__query")
      ? field.parentElement.querySelector(".senco-pupil-picker__find") ?? form.querySelector(".senco-pupil-picker__find")
      : [...form.querySelectorAll("button[type=submit], input[type=submit]")].find((b) => !b.classList.contains("senco-pupil-picker__find"));
    if (!button) return;
    event.preventDefault();
    form.requestSubmit(button);
  });
}
