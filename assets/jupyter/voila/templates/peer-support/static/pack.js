/*
 * The pack's page chrome: "Exit this page" and the display settings.
 *
 * Loaded as a plain script straight after the header markup, so it works while the notebook
 * is still running and after its kernel has gone. No network requests, no third parties.
 *
 * The exit follows the GOV.UK Design System "Exit this page" component: a warning button,
 * a skip link with the same target, and a lone Shift pressed three times with at most 5 s
 * between presses. On exit the page is blanked at once, the pack's own browser storage is
 * cleared, then the browser goes to a neutral page. Browser history is NOT erased; the
 * "Staying safe online" page says so.
 *
 * Language: the page is drawn in English. When the URL asks for Welsh (?lang=cy) the head of
 * the page has already set <html lang="cy">; this script then puts the Welsh catalogue's words
 * into every element marked data-pack-text, and keeps ?lang=cy on links to the pack's pages.
 */
(function () {
  'use strict';

  var STORAGE_PREFIX = 'wpsp.';
  // The session plan that "Present this plan" hands to present mode (kit/present_plan.py).
  var PLAN_KEY = 'pack-present-plan';
  var PRESS_TIMEOUT_MS = 5000;
  var PRESSES_TO_EXIT = 3;

  var root = document.documentElement;
  var exitBlock = document.querySelector('.pack-exit');
  var exitButton = document.querySelector('.pack-js-exit-button');
  var exitUrl = exitBlock ? exitBlock.getAttribute('data-exit-url') : 'https://www.bbc.co.uk/weather';
  var statusRegion = document.querySelector('.pack-js-exit-status');
  var lights = exitBlock ? exitBlock.querySelectorAll('.pack-exit__indicator span') : [];

  /* ---- words: the catalogues' chrome entries, embedded by the template ---- */

  var language = root.lang === 'cy' ? 'cy' : 'en';
  var TEXT = {};
  try { TEXT = JSON.parse(document.getElementById('pack-text').textContent); } catch (e) { /* English stays */ }

  function say(key) {
    var words = TEXT[language] || {};
    var english = TEXT.en || {};
    return words[key] || english[key] || '';
  }

  // Replace an element's words, keeping its marked children (links, dates) in their new places:
  // "call {number}, free" puts the child with data-slot="number" where {number} stands.
  function fillElement(element, text) {
    if (!text) return;
    var slots = {};
    Array.prototype.forEach.call(element.children, function (child) {
      var name = child.getAttribute('data-slot');
      if (name) slots[name] = child;
    });
    element.textContent = '';
    text.split(/(\{[a-z_]+\})/).forEach(function (piece) {
      var slot = /^\{([a-z_]+)\}$/.exec(piece);
      if (slot && slots[slot[1]]) element.appendChild(slots[slot[1]]);
      else if (piece) element.appendChild(document.createTextNode(piece));
    });
  }

  function translateChrome() {
    if (language === 'en') return;
    document.querySelectorAll('[data-pack-text]').forEach(function (element) {
      fillElement(element, say(element.getAttribute('data-pack-text')));
    });
    document.querySelectorAll('[data-pack-label]').forEach(function (element) {
      element.setAttribute('aria-label', say(element.getAttribute('data-pack-label')));
    });
  }

  /* ---- the language travels with every link to the pack's own pages ---- */

  // On the static site (Voici) each page is <name>.html; the package writes links to other
  // chapters as <name>.ipynb, which is what Voilà serves, so they are pointed at the page here.
  var staticSite = document.body.classList.contains('pack-static');
  var PAGE_PATH = /\/voi(la|ci)\/render\//;

  function isPackPage(url) {
    return url.origin === window.location.origin && PAGE_PATH.test(url.pathname);
  }

  function withLanguage(href, wanted) {
    var url = new URL(href, window.location.href);
    if (!isPackPage(url)) return null;
    if (staticSite) url.pathname = url.pathname.replace(/\.ipynb$/, '.html');
    if (wanted === 'en') url.searchParams.delete('lang');
    else url.searchParams.set('lang', wanted);
    return url.href;
  }

  function keepLanguage(link) {
    if (!link || !link.getAttribute('href')) return;
    if ((language === 'en' && !staticSite) || link.classList.contains('pack-js-language')) return;
    var href = withLanguage(link.href, language);
    if (href && href !== link.href) link.href = href;
  }

  function setUpLanguageChoice() {
    document.querySelectorAll('.pack-js-language').forEach(function (link) {
      var wanted = link.getAttribute('data-lang');
      link.href = withLanguage(window.location.href, wanted) || link.href;
      if (wanted === language) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    });
    document.querySelectorAll('a[href]').forEach(keepLanguage);
  }

  // Links drawn later by the notebook (chapter links, links in the text) are fixed as they are used,
  // and on the static site as soon as they appear, so each shows where it really goes.
  if (staticSite && window.MutationObserver) {
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        record.addedNodes.forEach(function (node) {
          if (node.nodeType !== 1) return;
          if (node.matches('a[href]')) keepLanguage(node);
          node.querySelectorAll('a[href]').forEach(keepLanguage);
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  }
  ['click', 'auxclick', 'contextmenu', 'focusin'].forEach(function (name) {
    document.addEventListener(name, function (event) {
      keepLanguage(event.target.closest ? event.target.closest('a[href]') : null);
    }, true);
  });

  var pressCount = 0;
  var pressTimer = null;
  var lastKeyWasModified = false;

  /* ---- storage the pack keeps in this browser (display choices only) ---- */

  function readSetting(name) {
    try { return localStorage.getItem(STORAGE_PREFIX + name); } catch (e) { return null; }
  }

  function writeSetting(name, value) {
    try { localStorage.setItem(STORAGE_PREFIX + name, value); } catch (e) { /* private mode */ }
  }

  function clearPackStorage() {
    [window.localStorage, window.sessionStorage].forEach(function (store) {
      try {
        for (var i = store.length - 1; i >= 0; i--) {
          var key = store.key(i);
          if (key && (key.indexOf(STORAGE_PREFIX) === 0 || key === PLAN_KEY)) store.removeItem(key);
        }
      } catch (e) { /* storage blocked: nothing stored either */ }
    });
  }

  /* ---- exit this page ---- */

  function announce(text) {
    if (statusRegion) statusRegion.textContent = text;
  }

  function showLights(count) {
    for (var i = 0; i < lights.length; i++) {
      lights[i].classList.toggle('pack-exit__light--on', i < count);
    }
  }

  function resetPresses() {
    pressCount = 0;
    showLights(0);
    if (pressTimer) { clearTimeout(pressTimer); pressTimer = null; }
  }

  function exitPage(event) {
    if (event) event.preventDefault();
    resetPresses();
    root.classList.add('pack-exit-activated');
    var overlay = document.createElement('div');
    overlay.className = 'pack-exit-overlay';
    overlay.setAttribute('role', 'alert');
    document.body.appendChild(overlay);
    // Set the text after insertion so screen readers announce it.
    overlay.textContent = say('chrome.exit_loading');
    clearPackStorage();
    // Present mode's presenter window leaves too (present.js listens).
    try { document.dispatchEvent(new CustomEvent('pack:exit')); } catch (e) { /* leave anyway */ }
    window.location.href = exitUrl;
  }

  function onKeyUp(event) {
    var isShift = event.key === 'Shift' || event.keyCode === 16;
    if (isShift && !lastKeyWasModified) {
      pressCount += 1;
      showLights(pressCount);
      if (pressTimer) clearTimeout(pressTimer);
      if (pressCount >= PRESSES_TO_EXIT) {
        exitPage();
        return;
      }
      var left = PRESSES_TO_EXIT - pressCount;
      announce(say(left === 1 ? 'chrome.exit_press_one' : 'chrome.exit_press_two'));
      pressTimer = setTimeout(function () {
        resetPresses();
        announce(say('chrome.exit_timed_out'));
      }, PRESS_TIMEOUT_MS);
    } else if (!isShift && pressCount > 0) {
      // Any other key starts the count again.
      resetPresses();
      announce('');
    }
    // Shift used with another key (Shift+A) must not count as a lone Shift press.
    lastKeyWasModified = !isShift && event.shiftKey;
  }

  function onPageShow(event) {
    // A page restored from the back/forward cache lost its kernel when it was left; load it
    // afresh rather than show exercises that no longer answer.
    if (event && event.persisted) {
      window.location.reload();
      return;
    }
    // Coming back (for example with the Back button): show the page again, start afresh.
    root.classList.remove('pack-exit-activated');
    var overlays = document.querySelectorAll('.pack-exit-overlay');
    for (var i = 0; i < overlays.length; i++) overlays[i].parentNode.removeChild(overlays[i]);
    resetPresses();
    announce('');
    applySettings();
  }

  document.querySelectorAll('.pack-js-exit-button, .pack-js-exit-skiplink').forEach(function (link) {
    link.addEventListener('click', exitPage);
  });
  // Capture phase, so widgets that stop key events cannot swallow the shortcut.
  document.addEventListener('keyup', onKeyUp, true);
  window.addEventListener('pageshow', onPageShow);

  /* ---- display settings: text size, projector view, facilitator view ---- */

  var TEXT_SIZES = ['standard', 'large', 'largest'];

  function applySettings() {
    var size = readSetting('textSize') || 'standard';
    TEXT_SIZES.forEach(function (name) {
      root.classList.toggle('pack-text-' + name, name === size && name !== 'standard');
    });
    document.querySelectorAll('.pack-js-text-size').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-size') === size));
    });
    document.querySelectorAll('.pack-js-toggle').forEach(function (button) {
      var name = button.getAttribute('data-setting');
      var on = readSetting(name) === 'on';
      root.classList.toggle('pack-' + name + (name === 'facilitator' ? '-view' : ''), on);
      button.setAttribute('aria-pressed', String(on));
    });
  }

  document.querySelectorAll('.pack-js-text-size').forEach(function (button) {
    button.addEventListener('click', function () {
      writeSetting('textSize', button.getAttribute('data-size'));
      applySettings();
    });
  });
  document.querySelectorAll('.pack-js-toggle').forEach(function (button) {
    button.addEventListener('click', function () {
      var name = button.getAttribute('data-setting');
      writeSetting(name, readSetting(name) === 'on' ? 'off' : 'on');
      applySettings();
    });
  });

  /* ---- on a phone, the display settings fold into one button ---- */

  var settingsToggle = document.querySelector('.pack-js-settings-toggle');
  var header = document.querySelector('.pack-header');
  if (settingsToggle && header) {
    settingsToggle.addEventListener('click', function () {
      var open = header.classList.toggle('pack-settings-open');
      settingsToggle.setAttribute('aria-expanded', String(open));
    });
  }

  /* ---- links between chapters open in the same tab ---- */

  // JupyterLab gives links in cell outputs target="_blank". A second tab would survive the
  // exit button, so links to the pack's own pages stay in this tab.
  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[target="_blank"]') : null;
    if (link && link.origin === window.location.origin) link.removeAttribute('target');
  }, true);

  /* ---- give the kernel back when the page is left ---- */

  // Voilà asks the server to shut the page's kernel down on 'beforeunload'. Phones and
  // tablets often skip that event when a tab is closed or swiped away, but do fire
  // 'pagehide', so ask again there. A second request for the same kernel is harmless.
  function pageConfig() {
    var config = document.getElementById('jupyter-config-data');
    try { return config ? JSON.parse(config.textContent) : {}; } catch (e) { return {}; }
  }

  function releaseKernel() {
    var config = pageConfig();
    var xsrf = document.cookie.match('\\b_xsrf=([^;]*)\\b');
    if (!config.kernelId || !xsrf || !navigator.sendBeacon) return;
    var form = new FormData();
    form.append('_xsrf', xsrf[1]);
    navigator.sendBeacon((config.baseUrl || '/') + 'voila/api/shutdown/' + config.kernelId, form);
  }

  window.addEventListener('pagehide', releaseKernel);

  /* ---- keep the notebook inside the <main> landmark ---- */

  // Voilà's front end re-attaches the rendered cells in its own shell at the end of <body>.
  // Move that shell into <main>, so the content sits in the main landmark, before the footer.
  function adoptShell() {
    var main = document.getElementById('main-content');
    if (!main || !document.body) return;
    var children = document.body.children;
    for (var i = 0; i < children.length; i++) {
      if (children[i].classList.contains('jp-LabShell')) {
        main.appendChild(children[i]);
        return true;
      }
    }
    return false;
  }

  // This script runs inside <body>, so document.body already exists.
  if (!adoptShell() && window.MutationObserver) {
    var watcher = new MutationObserver(function () {
      if (adoptShell()) watcher.disconnect();
    });
    watcher.observe(document.body, { childList: true });
  }

  // Words first: the text is shown as it arrives, so she may be reading far down the page while
  // the activities above her are still being drawn, each taller than its placeholder. Keep the
  // line she is reading where it is on her screen (the browser's own scroll anchoring does not
  // survive Voilà's front end moving the cells into its shell). Only until every activity is
  // drawn; after that, the page behaves as any other. Starts once the cells have arrived.
  var holdingPlace = false;
  function holdReadersPlace() {
    var cells = document.getElementById('rendered_cells');
    if (holdingPlace || !cells || !window.ResizeObserver || !document.elementFromPoint) return;
    holdingPlace = true;
    var anchor = null;
    var anchorTop = 0;
    var pickAnchor = function () {
      var element = window.scrollY > 0 ? document.elementFromPoint(window.innerWidth / 2, 4) : null;
      anchor = element && cells.contains(element) ? element : null;
      if (anchor) anchorTop = anchor.getBoundingClientRect().top;
    };
    var settled = function () {
      return !document.getElementById('loading')
        && !document.querySelector('script[type="application/vnd.voila.cell-output+json"]')
        && !document.querySelector('.jp-OutputArea-child > .jp-OutputArea-output:empty');
    };
    var holder = new ResizeObserver(function () {
      if (anchor && anchor.isConnected) {
        var moved = anchor.getBoundingClientRect().top - anchorTop;
        if (Math.abs(moved) > 1) window.scrollBy(0, moved);
      }
      if (settled()) {
        holder.disconnect();
        window.removeEventListener('scroll', pickAnchor);
      }
    });
    pickAnchor();
    window.addEventListener('scroll', pickAnchor, { passive: true });
    holder.observe(cells);
    holder.observe(document.body);
  }

  // The footer streams in after the notebook's cells, long after this script has run; the
  // template calls this as soon as it has arrived (and again when the page has loaded).
  function frameComplete() {
    holdReadersPlace();
    translateChrome();
    setUpLanguageChoice();
    // The tab's title comes from the notebook, in English; a Welsh page names itself in Welsh.
    var heading = language === 'cy' ? document.querySelector('.pack-lang-cy h1') : null;
    if (heading) document.title = heading.textContent.replace(/\u00b6$/, '').trim() + ' – ' + say('chrome.pack_name');
  }
  window.packFrameComplete = frameComplete;

  // What present.js (loaded next) shares with the frame.
  window.PackFrame = { say: say, language: language, exit: exitPage, exitUrl: exitUrl,
                       text: TEXT, translate: translateChrome };

  translateChrome();
  setUpLanguageChoice();
  document.addEventListener('DOMContentLoaded', frameComplete);
  applySettings();
  if (exitButton) exitButton.setAttribute('data-ready', 'true');
})();
