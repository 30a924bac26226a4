/*
 * Present mode: one section of a chapter at a time, for a projector, and the presenter window.
 *
 * A section is an h2 and everything up to the next h2, its activities included. Sections are
 * shown and hidden with a class on the notebook's cells; no widget is ever moved, so every
 * activity keeps working. The page frame shrinks to a slim bar that keeps "Exit this page" and
 * "Get support". Facilitator notes are never shown on this window in present mode: they go to
 * the presenter window instead, which is a static page (presenter.html beside this file) that
 * starts no kernel and talks to this one through the browser's BroadcastChannel.
 *
 * Keys (never taken from a text box, a list, a button or any other control in an activity):
 *   Right, PageDown, Space: next    Left, PageUp: previous    Home / End: first / last
 *   B or . : blank the screen to black and back    Esc: leave present mode at the same place
 * The address keeps the section (#present=<h2 id>), so a reload comes back to it.
 *
 * Messages on BroadcastChannel "pack-present" (same origin only):
 *   from this page:  {type: "state", presenting, position, total, title, next, notes: [...],
 *                     blank, lang, text: {...}, exitUrl, plan: {...} | null}
 *                    {type: "exit"}   (the exit button was used: the presenter window leaves too)
 *   from presenter:  {type: "hello"}  {type: "go", to: "next"|"previous"|"first"|"last"}
 *                    {type: "blank"}  {type: "stop"}  {type: "exit"}
 *
 * SESSION PLAN PLAYBACK (the contract with the session planner)
 * The planner puts a plan in sessionStorage (this tab only) under the key "pack-present-plan":
 *   {"title": str,
 *    "blocks": [{"notebook": "05_language", "section": "<h2 id>", "title": str,
 *                "minutes": int, "kind": "activity" | "break"}, ...],
 *    "index": 0,                  // the block being presented
 *    "started": <ms epoch> | null,
 *    "lang": "en" | "cy"}
 * and opens the first block's page with #present=<section> (keeping ?lang). "section" is the
 * h2's id as the page has it (raw or percent-encoded both work; on a Welsh page the English
 * heading's id works too); "" means the page's opening. When present mode starts on a page
 * and the plan's current block is on that page (a break: the page it names, or any page if it
 * names none), present mode follows the plan: next and previous move block by block, across
 * chapters (the next block's page opens with #present=<its section>, keeping the address's
 * query), and a break (any block of kind "break": a pause, lunch, a welcome) shows a calm full
 * screen with its title and minutes, on whichever page is open.
 * This script writes back (when the plan moves on, or the page is left) "index", "started"
 * (set when the plan is first presented) and two
 * fields of its own: "spent" (ms spent on each block so far, by index) and "block_started"
 * (ms epoch when the current block was shown), so the presenter window can show planned
 * against actual time. A plan that is missing, unreadable or does not fit this shape is
 * ignored. The exit button clears it.
 */
(function () {
  'use strict';

  var frame = window.PackFrame;
  var root = document.documentElement;
  var bar = document.querySelector('.pack-present-bar');
  var startButton = document.querySelector('.pack-js-present-start');
  if (!frame || !bar || !startButton) return;

  var PLAN_KEY = 'pack-present-plan';
  var HASH = '#present=';
  var say = frame.say;
  var language = frame.language;
  var other = language === 'cy' ? 'pack-lang-en' : 'pack-lang-cy';
  var channel = window.BroadcastChannel ? new BroadcastChannel('pack-present') : null;
  var positionText = bar.querySelector('.pack-js-present-position');
  var titleText = bar.querySelector('.pack-js-present-title');
  var blankButton = bar.querySelector('.pack-js-present-blank');
  var presenterButton = bar.querySelector('.pack-js-present-presenter');
  var blankOverlay = null;

  var state = { on: false, index: 0, blank: false, slides: [], wanted: null, plan: null };

  function pageName() {
    var last = window.location.pathname.split('/').pop() || '';
    return decodeURIComponent(last).replace(/\.(ipynb|html)$/, '');
  }

  function fill(key, values) {
    return say(key).replace(/\{([a-z_]+)\}/g, function (whole, name) {
      return name in values ? String(values[name]) : whole;
    });
  }

  function headingText(heading) {
    return heading ? heading.textContent.replace(/\u00b6/g, '').trim() : '';
  }

  /* ---- sections: the notebook's cells, split at each h2 ---- */

  // The notebook's cells, as the elements that hold one cell each (Voilà wraps each cell in
  // a div with its output script; a cell with text in two languages has a wrapper per language).
  function cellUnits() {
    var main = document.getElementById('main-content');
    var cells = main ? Array.prototype.filter.call(main.querySelectorAll('.jp-Cell'), function (cell) {
      return !cell.parentElement.closest('.jp-Cell');
    }) : [];
    if (!cells.length) return [];
    var container = cells[0].parentElement;
    var last = cells[cells.length - 1];
    while (container && !container.contains(last)) container = container.parentElement;
    if (!container) return [];
    return Array.prototype.filter.call(container.children, function (child) {
      return child.tagName !== 'SCRIPT' && child.tagName !== 'STYLE';
    });
  }

  function otherLanguage(unit) {
    return unit.classList.contains(other) || !!unit.querySelector('.' + other + ' > .jp-Cell');
  }

  function sectionHeading(unit) {
    var found = null;
    Array.prototype.some.call(unit.querySelectorAll('h2'), function (heading) {
      if (heading.closest('.pack-facilitator-notes, .celltag_facilitator, .' + other)) return false;
      found = heading;
      return true;
    });
    return found;
  }

  function buildSlides() {
    var units = cellUnits();
    var slides = [];
    var current = null;
    units.forEach(function (unit, position) {
      var heading = otherLanguage(unit) ? null : sectionHeading(unit);
      if (heading || !current) {
        current = { heading: heading, units: [], ids: [] };
        if (heading) {
          // The same section's heading in the other language (its twin cell, just before or
          // after) names it too, so an address made in one language works in the other.
          [units[position - 1], units[position + 1]].forEach(function (twin) {
            var twinHeading = twin && otherLanguage(twin) ? twin.querySelector('h2[id]') : null;
            if (twinHeading) current.ids.push(twinHeading.id);
          });
          if (heading.id) current.ids.unshift(heading.id);
        }
        slides.push(current);
      }
      current.units.push(unit);
    });
    // Before the first h2: the chapter's title and opening, if there is any in this language.
    var opening = slides[0];
    if (opening && !opening.heading) {
      opening.heading = opening.units.map(function (unit) {
        return otherLanguage(unit) ? null : unit.querySelector('h1');
      }).filter(Boolean)[0] || null;
      if (opening.heading && opening.heading.id) opening.ids.push(opening.heading.id);
      var hasText = opening.units.some(function (u) { return !otherLanguage(u) && u.textContent.trim(); });
      if (!opening.heading && !hasText) slides.shift();
    }
    slides.forEach(function (slide, position) {
      slide.id = slide.ids[0] || 'section-' + (position + 1);
      slide.title = headingText(slide.heading) || document.title;
    });
    return slides;
  }

  // An id as the page has it (Voilà keeps letters such as ŵ percent-encoded in ids), tried raw
  // first, then decoded once, so "#present=" works whether the address encoded it or not.
  function slideIndexFor(id) {
    var decoded = id;
    try { decoded = decodeURIComponent(id); } catch (e) { /* not encoded */ }
    var tries = [id, decoded];
    for (var t = 0; t < tries.length; t++) {
      for (var i = 0; i < state.slides.length; i++) {
        if (state.slides[i].id === tries[t] || state.slides[i].ids.indexOf(tries[t]) >= 0) return i;
      }
    }
    return -1;
  }

  /* ---- facilitator notes, read from the page for the presenter window ---- */

  function readNotes(box) {
    var notes = { title: headingText(box.querySelector('h3')), minutes: null, facts: [], lists: [] };
    var list = box.querySelector('dl');
    if (list) {
      var minutes = parseInt(list.getAttribute('data-pack-minutes'), 10);
      if (minutes > 0) notes.minutes = minutes;
      Array.prototype.forEach.call(list.querySelectorAll('dt'), function (term) {
        var value = term.nextElementSibling;
        notes.facts.push([term.textContent.trim(), value ? value.textContent.trim() : '']);
      });
    }
    Array.prototype.forEach.call(box.querySelectorAll('h4'), function (heading) {
      var items = heading.nextElementSibling;
      if (!items || !/^(UL|OL)$/.test(items.tagName)) return;
      notes.lists.push({
        heading: heading.textContent.trim(),
        ordered: items.tagName === 'OL',
        items: Array.prototype.map.call(items.children, function (item) { return item.textContent.trim(); })
      });
    });
    return notes;
  }

  function slideNotes(slide) {
    var found = [];
    if (!slide) return found;
    slide.units.forEach(function (unit) {
      if (otherLanguage(unit)) return;
      Array.prototype.forEach.call(unit.querySelectorAll('.pack-facilitator-notes'), function (box) {
        found.push(readNotes(box));
      });
    });
    return found;
  }

  /* ---- a session plan (see the contract at the top) ---- */

  function readPlan() {
    var plan;
    try { plan = JSON.parse(window.sessionStorage.getItem(PLAN_KEY)); } catch (e) { return null; }
    if (!plan || typeof plan !== 'object' || !Array.isArray(plan.blocks) || !plan.blocks.length) return null;
    var fine = plan.blocks.every(function (block) {
      return block && typeof block === 'object' && typeof block.title === 'string' &&
        (block.kind === 'break' || (typeof block.notebook === 'string' && typeof block.section === 'string'));
    });
    if (!fine) return null;
    var index = typeof plan.index === 'number' ? Math.floor(plan.index) : 0;
    plan.index = Math.min(Math.max(index, 0), plan.blocks.length - 1);
    if (!Array.isArray(plan.spent)) plan.spent = [];
    return plan;
  }

  function savePlan() {
    if (!state.plan) return;
    try { window.sessionStorage.setItem(PLAN_KEY, JSON.stringify(state.plan)); } catch (e) { /* kept in this page */ }
  }

  function planFitsHere(plan) {
    var block = plan.blocks[plan.index];
    if (block.kind === 'break') return !block.notebook || block.notebook === pageName();
    return block.notebook === pageName();
  }

  function blockUrl(block) {
    var url = new URL(window.location.href);
    var parts = url.pathname.split('/');
    var extension = /\.html$/.test(parts[parts.length - 1]) ? '.html' : '.ipynb';
    parts[parts.length - 1] = encodeURIComponent(block.notebook) + extension;
    url.pathname = parts.join('/');
    url.hash = HASH.slice(1) + block.section;
    return url.href;
  }

  function moveInPlan(target) {
    var plan = state.plan;
    target = Math.min(Math.max(target, 0), plan.blocks.length - 1);
    if (target === plan.index) return;
    var now = Date.now();
    if (plan.block_started) plan.spent[plan.index] = (plan.spent[plan.index] || 0) + (now - plan.block_started);
    plan.index = target;
    plan.block_started = now;
    savePlan();
    showPlanBlock();
  }

  function showPlanBlock() {
    var block = state.plan.blocks[state.plan.index];
    if (block.kind !== 'break' && block.notebook !== pageName()) {
      send({ type: 'state', presenting: true, moving: true, plan: state.plan, lang: language });
      window.location.href = blockUrl(block);
      return;
    }
    if (block.kind === 'break') {
      state.onBreak = true;
      render();
      return;
    }
    state.onBreak = false;
    var found = block.section ? slideIndexFor(block.section) : 0;  // "": under no h2
    if (found < 0) state.wanted = block.section;
    else state.index = found;
    render();
  }

  /* ---- showing one section ---- */

  function setHash(id) {
    // The id as the page has it (the planner writes it the same way); the browser encodes
    // whatever an address cannot hold.
    var url = window.location.pathname + window.location.search + (id ? HASH + id : '');
    var now = window.location.pathname + window.location.search + window.location.hash;
    if (new URL(url, window.location.href).href === new URL(now, window.location.href).href) return;
    try { window.history.replaceState(window.history.state, '', url); } catch (e) { /* address stays */ }
  }

  function render() {
    if (!state.on) return;
    var breakSection = breakPart();
    // Sections drawn late (a content note is an activity's output) shift the others: keep
    // the one on screen by its id.
    var showing = state.slides[state.index] ? state.slides[state.index].id : null;
    state.slides = buildSlides();
    if (state.wanted) {
      var found = slideIndexFor(state.wanted);
      if (found >= 0) { state.index = found; state.wanted = null; }
    } else if (showing) {
      var again = slideIndexFor(showing);
      if (again >= 0) state.index = again;
    }
    state.index = Math.min(Math.max(state.index, 0), Math.max(state.slides.length - 1, 0));
    var slide = state.onBreak ? null : state.slides[state.index];
    var shown = slide ? slide.units : [];
    cellUnits().forEach(function (unit) {
      unit.classList.toggle('pack-present-off', shown.indexOf(unit) < 0);
    });
    if (breakSection) {
      breakSection.hidden = !state.onBreak;
      if (state.onBreak) {
        var block = state.plan.blocks[state.plan.index];
        // A break block may be any pause the facilitator typed ("Lunch", "Welcome").
        var heading = breakSection.querySelector('h2');
        var name = block.title || say('chrome.present_break');
        if (heading.textContent !== name) heading.textContent = name;
        var minutes = breakSection.querySelector('.pack-js-present-break-minutes');
        var wanted = block.minutes > 0 ? fill('chrome.present_break_minutes', { minutes: block.minutes }) : '';
        if (minutes.textContent !== wanted) minutes.textContent = wanted;
      }
    }
    var position = state.plan ? state.plan.index + 1 : state.index + 1;
    var total = state.plan ? state.plan.blocks.length : state.slides.length;
    var text = fill('chrome.present_position', { position: position, total: total });
    var title = state.plan ? state.plan.blocks[state.plan.index].title : (slide ? slide.title : '');
    if (positionText.textContent !== text || titleText.textContent !== ': ' + title) {
      positionText.textContent = text;
      titleText.textContent = ': ' + title;
    }
    var hashId = state.onBreak ? (state.plan.blocks[state.plan.index].section || '') : (slide ? slide.id : '');
    if (!state.wanted) setHash(hashId);
    broadcast();
  }

  // The break's section comes in <main>, after this script has run.
  function breakPart() { return document.querySelector('.pack-present-break'); }

  function focusSlide() {
    var breakSection = breakPart();
    if (state.onBreak && !breakSection) return;
    var target = state.onBreak ? breakSection.querySelector('h2') : (state.slides[state.index] || {}).heading;
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.classList.add('pack-present-target');
    target.focus({ preventScroll: true });
  }

  function afterMove(keepFocus) {
    window.scrollTo(0, 0);
    var active = document.activeElement;
    var lost = !active || active === document.body || !!active.closest('.pack-present-off');
    if (!keepFocus || lost) focusSlide();
  }

  function go(to, keepFocus) {
    if (state.blank) return;
    if (state.plan) {
      var target = { next: state.plan.index + 1, previous: state.plan.index - 1,
                     first: 0, last: state.plan.blocks.length - 1 }[to];
      moveInPlan(target);
    } else {
      var index = { next: state.index + 1, previous: state.index - 1,
                    first: 0, last: state.slides.length - 1 }[to];
      state.index = Math.min(Math.max(index, 0), Math.max(state.slides.length - 1, 0));
      render();
    }
    afterMove(keepFocus);
  }

  function setBlank(on) {
    state.blank = on;
    root.classList.toggle('pack-present-blanked', on);
    if (!blankOverlay) {
      blankOverlay = document.createElement('div');
      blankOverlay.className = 'pack-present-blank';
      blankOverlay.setAttribute('aria-hidden', 'true');
      document.body.appendChild(blankOverlay);
    }
    blankButton.setAttribute('aria-pressed', String(on));
    var status = document.querySelector('.pack-js-present-blank-status');
    if (status) status.textContent = say(on ? 'chrome.present_blanked' : 'chrome.present_shown');
    broadcast();
  }

  function start(wantedId) {
    if (state.on) return;
    state.on = true;
    state.wanted = wantedId || null;
    var plan = readPlan();
    state.plan = plan && planFitsHere(plan) ? plan : null;
    if (state.plan) {
      if (!state.plan.started) state.plan.started = Date.now();
      if (!state.plan.block_started) state.plan.block_started = Date.now();
      // Kept in this page until the plan moves on or the page is left (pagehide below), so
      // the plan stays as the planner wrote it while it is only being shown.
      var block = state.plan.blocks[state.plan.index];
      state.onBreak = block.kind === 'break';
      if (!state.onBreak) {
        state.wanted = block.section || null;
        if (!block.section) state.index = 0;
      }
    } else {
      state.onBreak = false;
      if (!wantedId) state.index = firstSlideInView();
    }
    root.classList.add('pack-presenting');
    bar.hidden = false;
    render();
    afterMove(false);
  }

  // Starting from the page, begin at the section on screen (or the first).
  function firstSlideInView() {
    var slides = buildSlides();
    var best = 0;
    slides.forEach(function (slide, index) {
      var first = slide.units.filter(function (u) { return !otherLanguage(u); })[0];
      if (first && first.getBoundingClientRect().top <= 120) best = index;
    });
    return best;
  }

  function stop() {
    if (!state.on) return;
    var slide = state.onBreak ? null : state.slides[state.index];
    if (state.blank) setBlank(false);
    state.on = false;
    state.onBreak = false;
    root.classList.remove('pack-presenting');
    bar.hidden = true;
    if (breakPart()) breakPart().hidden = true;
    cellUnits().forEach(function (unit) { unit.classList.remove('pack-present-off'); });
    setHash('');
    lastSent = '';
    send({ type: 'state', presenting: false, lang: language, text: words(), exitUrl: frame.exitUrl });
    var target = slide && slide.heading;
    if (target) {
      target.scrollIntoView({ block: 'start' });
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.classList.add('pack-present-target');
      target.focus({ preventScroll: true });
    } else {
      startButton.focus();
    }
  }

  /* ---- the presenter window ---- */

  function words() {
    var all = (frame.text && frame.text.en) || {};
    var chosen = {};
    Object.keys(all).forEach(function (key) {
      if (/^chrome\.(present|exit)/.test(key)) chosen[key] = say(key);
    });
    return chosen;
  }

  function send(message) {
    if (!channel) return;
    try { channel.postMessage(message); } catch (e) { /* the projector works alone */ }
  }

  var lastSent = '';
  function broadcast(again) {
    if (!state.on) return;
    var slide = state.onBreak ? null : state.slides[state.index];
    var next;
    if (state.plan) {
      var following = state.plan.blocks[state.plan.index + 1];
      next = following ? following.title : null;
    } else {
      next = state.slides[state.index + 1] ? state.slides[state.index + 1].title : null;
    }
    var block = state.plan ? state.plan.blocks[state.plan.index] : null;
    var message = {
      type: 'state',
      presenting: true,
      page: pageName(),
      section: slide ? slide.id : null,
      position: state.plan ? state.plan.index + 1 : state.index + 1,
      total: state.plan ? state.plan.blocks.length : state.slides.length,
      title: block ? block.title : (slide ? slide.title : ''),
      slideTitle: slide ? slide.title : '',
      onBreak: !!state.onBreak,
      breakMinutes: state.onBreak && block ? block.minutes : null,
      next: next,
      notes: slideNotes(slide),
      blank: state.blank,
      lang: language,
      text: words(),
      exitUrl: frame.exitUrl,
      plan: state.plan
    };
    // The page changes as activities are used (a timer ticks); send only what is new.
    var text = JSON.stringify(message);
    if (text === lastSent && !again) return;
    lastSent = text;
    send(message);
  }

  function openPresenter() {
    var address = bar.getAttribute('data-presenter-url');
    var url = new URL(address, window.location.href);
    url.search = window.location.search;  // ?lang (and an access code, if any)
    var opened = window.open(url.href, 'pack-presenter', 'popup,width=960,height=720');
    if (opened) { try { opened.focus(); } catch (e) { /* another window */ } }
  }

  if (channel) {
    channel.onmessage = function (event) {
      var message = event.data || {};
      if (message.type === 'exit') {
        if (!root.classList.contains('pack-exit-activated')) frame.exit();
        return;
      }
      if (!state.on) return;
      if (message.type === 'hello') broadcast(true);
      else if (message.type === 'go' && /^(next|previous|first|last)$/.test(message.to)) go(message.to, true);
      else if (message.type === 'blank') setBlank(!state.blank);
      else if (message.type === 'stop') stop();
    };
    document.addEventListener('pack:exit', function () { send({ type: 'exit' }); });
  } else {
    presenterButton.hidden = true;
  }

  /* ---- keys and buttons ---- */

  var CONTROLS = 'input, textarea, select, button, summary, [contenteditable]:not([contenteditable="false"]), ' +
    '[role="slider"], [role="spinbutton"], [role="radio"], [role="radiogroup"], [role="tab"], [role="listbox"], ' +
    '[role="option"], [role="combobox"], [role="menu"], [role="menuitem"], [role="grid"], [role="textbox"], ' +
    '[role="switch"], [role="checkbox"], [role="button"], [role="tree"], [role="treeitem"]';

  function typingIn(target) {
    return !!(target && target.closest && target.closest(CONTROLS));
  }

  var KEYS = { ArrowRight: 'next', PageDown: 'next', ' ': 'next', Spacebar: 'next',
               ArrowLeft: 'previous', PageUp: 'previous', Home: 'first', End: 'last' };

  document.addEventListener('keydown', function (event) {
    if (!state.on || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    var ownControl = target && target.closest && target.closest('.pack-present-bar');
    if (ownControl) {
      // Space and Enter press the bar's own buttons; the other keys still move.
      if (event.key === ' ' || event.key === 'Enter') return;
    } else if (typingIn(target)) {
      return;
    }
    var key = event.key;
    if (key === 'b' || key === 'B' || key === '.') {
      setBlank(!state.blank);
    } else if (key === 'Escape' || key === 'Esc') {
      if (state.blank) setBlank(false);
      else stop();
    } else if (KEYS[key] && !event.shiftKey && !state.blank) {
      go(KEYS[key], !!ownControl);
    } else {
      return;
    }
    event.preventDefault();
  });

  startButton.hidden = false;
  startButton.addEventListener('click', function () { start(null); });
  bar.querySelector('.pack-js-present-previous').addEventListener('click', function () { go('previous', true); });
  bar.querySelector('.pack-js-present-next').addEventListener('click', function () { go('next', true); });
  bar.querySelector('.pack-js-present-stop').addEventListener('click', stop);
  blankButton.addEventListener('click', function () { setBlank(!state.blank); });
  presenterButton.addEventListener('click', openPresenter);

  // A status line for blanking, read by screen readers (the position has its own).
  var blankStatus = document.createElement('p');
  blankStatus.className = 'pack-visually-hidden pack-js-present-blank-status';
  blankStatus.setAttribute('role', 'status');
  document.body.appendChild(blankStatus);  // not in the bar, which is hidden while blank

  /* ---- keep up with the page as its cells and activities are drawn ---- */

  var pending = null;
  function later() {
    if (!state.on || pending) return;
    pending = setTimeout(function () { pending = null; render(); }, 150);
  }
  if (window.MutationObserver) {
    new MutationObserver(function (records) {
      // Only changes to the page's cells matter, not the bar's own words.
      for (var i = 0; i < records.length; i++) {
        if (!bar.contains(records[i].target)) { later(); return; }
      }
    }).observe(document.body, { childList: true, subtree: true });
  }

  function fromAddress() {
    var hash = window.location.hash;
    if (hash.indexOf(HASH) !== 0) return;
    var id = hash.slice(HASH.length);
    if (state.on) { state.wanted = id; render(); afterMove(false); }
    else start(id);
  }
  window.addEventListener('pagehide', function () {
    if (state.on && state.plan && !root.classList.contains('pack-exit-activated')) savePlan();
  });
  window.addEventListener('hashchange', fromAddress);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fromAddress);
  else fromAddress();
})();
