/*
 * The presenter window (presenter.html): follows a page in present mode (present.js) over the
 * browser's BroadcastChannel "pack-present", and moves it. No kernel, no network requests.
 * See present.js for the messages and the session plan's shape.
 */
(function () {
  'use strict';

  var EXIT_PRESSES = 3;
  var PRESS_TIMEOUT_MS = 5000;
  var root = document.documentElement;
  var channel = window.BroadcastChannel ? new BroadcastChannel('pack-present') : null;
  var words = {};
  var exitUrl = 'https://www.bbc.co.uk/weather';
  var current = null;       // the last state the projector sent
  var notesKey = null;      // which notes the timer belongs to
  var timer = { minutes: 0, running: false, startedAt: 0, before: 0 };

  function $(selector) { return document.querySelector(selector); }

  function say(key, fallback) { return words[key] || fallback || ''; }

  function fill(key, values) {
    return say(key).replace(/\{([a-z_]+)\}/g, function (whole, name) {
      return name in values ? String(values[name]) : whole;
    });
  }

  function translate() {
    document.querySelectorAll('[data-pack-text]').forEach(function (element) {
      var text = words[element.getAttribute('data-pack-text')];
      if (text && element.textContent !== text) element.textContent = text;
    });
    document.querySelectorAll('[data-pack-label]').forEach(function (element) {
      var text = words[element.getAttribute('data-pack-label')];
      if (text) element.setAttribute('aria-label', text);
    });
    if (words['chrome.presenter_title']) document.title = words['chrome.presenter_title'];
  }

  function setExitUrl(url) {
    if (!url || !/^https?:\/\//.test(url)) return;
    exitUrl = url;
    document.querySelectorAll('.pack-js-exit-button, .pack-js-exit-skiplink').forEach(function (link) {
      link.href = url;
    });
  }

  // Words and the exit address from the window that opened this one, before it says anything.
  function fromOpener() {
    try {
      var opener = window.opener;
      if (!opener || opener.location.origin !== window.location.origin) return;
      var page = opener.document;
      var all = JSON.parse(page.getElementById('pack-text').textContent);
      var language = page.documentElement.lang === 'cy' ? 'cy' : 'en';
      Object.keys(all.en || {}).forEach(function (key) {
        words[key] = (all[language] || {})[key] || all.en[key];
      });
      root.lang = language === 'cy' ? 'cy' : 'en-GB';
      var exit = page.querySelector('.pack-exit');
      if (exit) setExitUrl(exit.getAttribute('data-exit-url'));
      translate();
    } catch (e) { /* opened some other way: wait for the projector's words */ }
  }

  /* ---- quick exit: the button, the skip link, Shift three times ---- */

  var presses = 0;
  var pressTimer = null;
  var lastKeyWasModified = false;

  function lights(count) {
    document.querySelectorAll('.presenter-exit__indicator span').forEach(function (light, i) {
      light.classList.toggle('is-on', i < count);
    });
  }

  var leaving = false;
  function leave(event, quietly) {
    if (event) event.preventDefault();
    if (leaving) return;  // once: a second navigation would cancel the first
    leaving = true;
    root.classList.add('presenter-exited');
    try {
      ['localStorage', 'sessionStorage'].forEach(function (name) {
        var store = window[name];
        for (var i = store.length - 1; i >= 0; i--) {
          var key = store.key(i);
          if (key && (key.indexOf('wpsp.') === 0 || key === 'pack-present-plan')) store.removeItem(key);
        }
      });
    } catch (e) { /* storage blocked */ }
    if (!quietly) send({ type: 'exit' });  // the projector window leaves too
    window.location.href = exitUrl;
  }

  document.querySelectorAll('.pack-js-exit-button, .pack-js-exit-skiplink').forEach(function (link) {
    link.addEventListener('click', leave);
  });

  document.addEventListener('keyup', function (event) {
    var isShift = event.key === 'Shift';
    if (isShift && !lastKeyWasModified) {
      presses += 1;
      lights(presses);
      if (pressTimer) clearTimeout(pressTimer);
      if (presses >= EXIT_PRESSES) { leave(); return; }
      $('.js-exit-status').textContent = say(presses === 1 ? 'chrome.exit_press_two' : 'chrome.exit_press_one');
      pressTimer = setTimeout(function () { presses = 0; lights(0); }, PRESS_TIMEOUT_MS);
    } else if (!isShift && presses > 0) {
      presses = 0;
      lights(0);
    }
    lastKeyWasModified = !isShift && event.shiftKey;
  }, true);

  window.addEventListener('pageshow', function () {
    leaving = false;
    root.classList.remove('presenter-exited');
    presses = 0;
    lights(0);
  });

  /* ---- talking to the projector window ---- */

  function send(message) {
    if (!channel) return;
    try { channel.postMessage(message); } catch (e) { /* nothing to follow */ }
  }

  function clockText(date) {
    return String(date.getHours()).padStart(2, '0') + ':' + String(date.getMinutes()).padStart(2, '0');
  }

  function duration(ms) {
    var seconds = Math.max(0, Math.round(ms / 1000));
    return Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
  }

  function element(tag, text, className) {
    var made = document.createElement(tag);
    if (text) made.textContent = text;
    if (className) made.className = className;
    return made;
  }

  function drawNotes(notes) {
    var box = $('.js-notes');
    box.textContent = '';
    if (!notes || !notes.length) {
      box.appendChild(element('p', say('chrome.presenter_no_notes', 'This section has no facilitator notes.'), 'presenter-muted'));
      return;
    }
    notes.forEach(function (note) {
      var article = element('article', '', 'presenter-note');
      article.appendChild(element('h2', note.title || ''));
      var facts = element('dl');
      (note.facts || []).forEach(function (pair) {
        facts.appendChild(element('dt', pair[0]));
        facts.appendChild(element('dd', pair[1]));
      });
      article.appendChild(facts);
      (note.lists || []).forEach(function (list) {
        article.appendChild(element('h3', list.heading));
        var items = element(list.ordered ? 'ol' : 'ul');
        (list.items || []).forEach(function (item) { items.appendChild(element('li', item)); });
        article.appendChild(items);
      });
      box.appendChild(article);
    });
  }

  function drawPlan(plan) {
    var section = $('.js-plan');
    if (!plan || !Array.isArray(plan.blocks)) { section.hidden = true; return; }
    section.hidden = false;
    $('.js-plan-title').textContent = plan.title || '';
    var rows = $('.js-plan-rows');
    rows.textContent = '';
    var now = Date.now();
    plan.blocks.forEach(function (block, index) {
      var spent = (plan.spent && plan.spent[index]) || 0;
      if (index === plan.index && plan.block_started) spent += now - plan.block_started;
      var row = element('tr', '', index === plan.index ? 'is-current' : '');
      if (index === plan.index) row.setAttribute('aria-current', 'step');
      var title = element('td', (index + 1) + '. ' + (block.kind === 'break' ? say('chrome.present_break', 'Break') + ': ' : '') + block.title);
      row.appendChild(title);
      row.appendChild(element('td', block.minutes > 0 ? fill('chrome.present_break_minutes', { minutes: block.minutes }) : ''));
      var actual = element('td', spent ? duration(spent) : '');
      if (block.minutes > 0 && spent > block.minutes * 60000) actual.className = 'is-over';
      row.appendChild(actual);
      rows.appendChild(row);
    });
  }

  function resetTimer(minutes) {
    timer.minutes = minutes || 0;
    timer.running = false;
    timer.before = 0;
    $('.js-timer').hidden = !timer.minutes;
    drawTimer();
  }

  function drawTimer() {
    var used = timer.before + (timer.running ? Date.now() - timer.startedAt : 0);
    var left = timer.minutes * 60000 - used;
    var time = $('.js-timer-time');
    var text = left >= 0 ? duration(left) : '+' + duration(-left);
    if (time.textContent !== text) time.textContent = text;
    var over = $('.js-timer-over');
    var overText = left < 0 ? say('chrome.presenter_timer_over') : '';
    if (over.textContent !== overText) over.textContent = overText;
    var button = $('.js-timer-start');
    var label = say(timer.running ? 'chrome.presenter_timer_pause' : 'chrome.presenter_timer_start',
                    timer.running ? 'Pause' : 'Start');
    button.setAttribute('data-pack-text', timer.running ? 'chrome.presenter_timer_pause' : 'chrome.presenter_timer_start');
    if (button.textContent !== label) button.textContent = label;
  }

  function show(state) {
    if (state.text) { words = state.text; translate(); }
    if (state.lang) root.lang = state.lang === 'cy' ? 'cy' : 'en-GB';
    setExitUrl(state.exitUrl);
    current = state;
    var live = !!state.presenting && !state.moving;
    $('.js-waiting').hidden = live;
    $('.js-live').hidden = !live;
    if (!live) return;
    $('.js-position').textContent = fill('chrome.present_position', { position: state.position, total: state.total });
    $('.js-title').textContent = state.title || '';
    $('.js-next-title').textContent = state.next || say('chrome.presenter_last', 'This is the last one.');
    $('.js-blanked').hidden = !state.blank;
    $('.js-blank').setAttribute('aria-pressed', String(!!state.blank));
    drawNotes(state.notes);
    drawPlan(state.plan);
    var minutes = state.onBreak ? state.breakMinutes : ((state.notes || []).map(function (n) { return n.minutes; }).filter(Boolean)[0] || 0);
    var key = [state.page, state.section, state.onBreak, state.plan ? state.plan.index : ''].join('|');
    if (key !== notesKey) {
      notesKey = key;
      resetTimer(minutes);
      // A break's or a plan block's timer starts on its own; an activity's waits for Start.
      if (state.onBreak && minutes) startTimer();
    }
  }

  function startTimer() {
    if (timer.running) {
      timer.before += Date.now() - timer.startedAt;
      timer.running = false;
    } else {
      timer.startedAt = Date.now();
      timer.running = true;
    }
    drawTimer();
  }

  function tick() {
    $('.js-clock').textContent = clockText(new Date());
    if (current && current.presenting) {
      drawTimer();
      if (current.plan) drawPlan(current.plan);
    }
  }

  if (channel) {
    channel.onmessage = function (event) {
      var message = event.data || {};
      if (message.type === 'state') show(message);
      else if (message.type === 'exit') leave(null, true);
    };
  }

  function go(to) { send({ type: 'go', to: to }); }

  $('.js-previous').addEventListener('click', function () { go('previous'); });
  $('.js-next').addEventListener('click', function () { go('next'); });
  $('.js-blank').addEventListener('click', function () { send({ type: 'blank' }); });
  $('.js-timer-start').addEventListener('click', startTimer);
  $('.js-timer-reset').addEventListener('click', function () { resetTimer(timer.minutes); });

  var KEYS = { ArrowRight: 'next', PageDown: 'next', ' ': 'next', ArrowLeft: 'previous',
               PageUp: 'previous', Home: 'first', End: 'last' };

  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    var target = event.target;
    var onControl = target && target.closest && target.closest('button, a[href], input, textarea, select, summary');
    if (onControl && (event.key === ' ' || event.key === 'Enter')) return;
    if (target && target.closest && target.closest('input, textarea, select')) return;
    if (KEYS[event.key]) go(KEYS[event.key]);
    else if (event.key === 'b' || event.key === 'B' || event.key === '.') send({ type: 'blank' });
    else if (event.key === 'Escape') send({ type: 'stop' });
    else return;
    event.preventDefault();
  });

  fromOpener();
  tick();
  setInterval(tick, 1000);
  send({ type: 'hello' });
})();
