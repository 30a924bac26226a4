/*
 * The live room's three views: a phone, the projector (screen) and the facilitator (host).
 *
 * Each view asks the server for news with a long poll (the server answers when something
 * changes, or after 25 s) and draws what it gets. Everything a person typed arrives as data
 * and is only ever set as textContent, never as HTML. Nothing is kept in the browser's
 * storage: a phone's seat lives in this page's memory and goes when the page goes.
 */
(function () {
  'use strict';

  var app = document.querySelector('.pack-room-app');
  if (!app) return;
  var view = app.getAttribute('data-view');
  var base = app.getAttribute('data-base') || '/';
  var code = app.getAttribute('data-code');
  var token = app.getAttribute('data-token') || '';
  var hostKey = app.getAttribute('data-key') || '';
  var WORDS = {};
  try { WORDS = JSON.parse(app.querySelector('[data-part="words-json"]').textContent); } catch (e) { /* keys show */ }

  function say(key, values) {
    var text = WORDS[key] || key;
    Object.keys(values || {}).forEach(function (name) {
      text = text.split('{' + name + '}').join(String(values[name]));
    });
    return text;
  }

  function part(name, within) { return (within || app).querySelector('[data-part="' + name + '"]'); }

  function make(tag, text, className) {
    var element = document.createElement(tag);
    if (text !== undefined && text !== null) element.textContent = text;
    if (className) element.className = className;
    return element;
  }

  function show(element, visible) { if (element) element.hidden = !visible; }

  function headers(extra) {
    var result = { 'Content-Type': 'application/json' };
    if (token) result['X-Room-Token'] = token;
    if (hostKey) result['X-Room-Key'] = hostKey;
    Object.keys(extra || {}).forEach(function (name) { result[name] = extra[name]; });
    return result;
  }

  // Every call answers {ok...} or {error, key}; a dropped connection becomes a calm error too.
  function call(method, path, body, extra) {
    return fetch(base + path, {
      method: method, headers: headers(extra), cache: 'no-store', credentials: 'omit',
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        data.status = response.status;
        if (!response.ok && !data.error) data.error = say('room.connection_lost');
        return data;
      });
    }, function () {
      return { status: 0, error: say('room.connection_lost'), key: 'room.connection_lost' };
    });
  }

  // Ask for news again and again; stop when the room has ended or is gone.
  function poll(path, draw, extra) {
    var since = -1;
    var stopped = false;
    function next() {
      if (stopped) return;
      var separator = path.indexOf('?') === -1 ? '?' : '&';
      call('GET', path + separator + 'since=' + since, undefined, extra).then(function (data) {
        if (stopped) return;
        var wait = 0;
        if (data.error) {
          wait = 3000;
          if (data.status === 404 || data.status === 410 || data.status === 403) stopped = true;
        } else {
          since = data.version;
        }
        draw(data);
        if (!stopped) setTimeout(next, wait);
      });
    }
    next();
    return { stop: function () { stopped = true; } };
  }

  /* ---------------- a phone ---------------- */

  function phone() {
    var seat = null;
    var current = null;     // the question on screen: "<id>#<round>"
    var mine = [];          // her own answers, on this page only
    var status = part('status');
    var section = part('question');
    var choicesForm = part('choices-form');
    var wordsForm = part('words-form');
    var wordsInput = wordsForm.querySelector('input');
    var wordsError = part('words-error');
    var error = part('error');
    var poller = null;

    function say_status(text) { status.textContent = text; }

    function showError(text) {
      error.textContent = text || '';
      show(error, Boolean(text));
    }

    function finished(message) {
      if (poller) poller.stop();
      seat = null;
      show(section, false);
      show(part('leave'), false);
      show(part('carry-on'), true);
      say_status(message);
    }

    function drawMine() {
      var list = part('mine');
      list.textContent = '';
      mine.forEach(function (entry) { list.appendChild(make('li', entry)); });
      show(part('mine-empty'), mine.length === 0);
      var link = part('download');
      show(link, mine.length > 0);
      if (mine.length) {
        var text = '# ' + say('room.mine_title') + '\n\n' + mine.map(function (entry) {
          return '- ' + entry.replace(/([\\`*_\[\]<>|~#])/g, '\\$1');
        }).join('\n') + '\n';
        if (link.href.indexOf('blob:') === 0) URL.revokeObjectURL(link.href);
        link.href = URL.createObjectURL(new Blob([text], { type: 'text/markdown' }));
      }
    }

    function drawChoices(question) {
      var items = part('items');
      items.textContent = '';
      question.items.forEach(function (item, index) {
        var fieldset = make('fieldset', null, 'pack-room-item');
        var legend = make('legend', question.items.length > 1 ? item.label : question.prompt);
        fieldset.appendChild(legend);
        if (item.detail) fieldset.appendChild(make('p', item.detail, 'pack-room-detail'));
        var options = item.options.concat([['pass', say('room.pass')]]);
        options.forEach(function (option) {
          var id = 'room-' + index + '-' + option[0];
          var label = make('label', null, 'pack-room-option');
          var input = document.createElement('input');
          input.type = 'radio';
          input.name = 'item-' + index;
          input.value = option[0];
          input.id = id;
          input.setAttribute('data-item', item.id);
          label.setAttribute('for', id);
          label.appendChild(input);
          label.appendChild(make('span', option[1]));
          fieldset.appendChild(label);
        });
        items.appendChild(fieldset);
      });
    }

    function drawQuestion(data) {
      var question = data.question;
      if (!question) {
        if (current !== null) say_status(say('room.waiting'));  // a question has just closed
        current = null;
        show(section, false);
        return;
      }
      var key = question.id + '#' + question.round;
      show(section, true);
      if (key !== current) {
        current = key;
        showError('');
        part('question-title').textContent = question.title;
        part('prompt').textContent = question.words || question.items.length > 1 ? question.prompt : '';
        var note = part('note');
        note.textContent = question.note || '';
        show(note, Boolean(question.note));
        var contentNote = part('content-note');
        contentNote.textContent = question.content_note ? say('room.content_note', { note: question.content_note }) : '';
        show(contentNote, Boolean(question.content_note));
        if (question.words) {
          wordsInput.value = '';
          part('words-hint').textContent = say('room.words_hint', { limit: question.word_limit });
          wordsError.hidden = true;
          wordsInput.removeAttribute('aria-invalid');
        } else {
          drawChoices(question);
        }
        part('question-title').focus();
      }
      var answered = question.words ? data.words_sent >= data.words_limit : data.answered;
      show(choicesForm, !question.words && !answered);
      show(wordsForm, question.words && !answered);
      if (answered) say_status(say(question.words ? 'room.words_enough' : 'room.already_answered', { limit: data.words_limit }));
      else say_status(say('room.question_open'));
    }

    function draw(data) {
      if (data.error) {
        if (data.status === 404 || data.status === 410) finished(data.error + ' ' + say('room.carry_on_hint'));
        else if (data.status === 403) finished(data.error);
        else say_status(data.error);
        return;
      }
      if (data.ended) { finished(say('room.ended') + ' ' + say('room.carry_on_hint')); return; }
      drawQuestion(data);
    }

    choicesForm.addEventListener('submit', function (event) {
      event.preventDefault();
      var question = current && current.split('#');
      if (!question) return;
      var choices = {};
      var noted = [];
      choicesForm.querySelectorAll('input[type=radio]:checked').forEach(function (input) {
        choices[input.getAttribute('data-item')] = input.value;
        var legend = input.closest('fieldset').querySelector('legend').textContent;
        noted.push(legend + ': ' + input.parentNode.textContent);
      });
      call('POST', 'room/api/' + code + '/answer', { question: question[0], round: Number(question[1]), choices: choices },
        { 'X-Room-Seat': seat }).then(function (data) {
        if (data.error) { showError(data.error); return; }
        showError('');
        mine = mine.concat(noted.length ? noted : [part('question-title').textContent + ': ' + say('room.pass')]);
        drawMine();
        show(choicesForm, false);
        say_status(data.message);
      });
    });

    wordsForm.addEventListener('submit', function (event) {
      event.preventDefault();
      var question = current && current.split('#');
      if (!question) return;
      var text = wordsInput.value;
      call('POST', 'room/api/' + code + '/words', { question: question[0], round: Number(question[1]), text: text },
        { 'X-Room-Seat': seat }).then(function (data) {
        if (data.error) {
          // Her words stay in the box, so nothing is lost; the message says what to change.
          wordsError.textContent = data.error;
          wordsError.hidden = false;
          wordsInput.setAttribute('aria-invalid', 'true');
          wordsInput.focus();
          return;
        }
        wordsError.hidden = true;
        wordsInput.removeAttribute('aria-invalid');
        mine.push(part('question-title').textContent + ': ' + text.trim());
        drawMine();
        wordsInput.value = '';
        say_status(data.message);
      });
    });

    function leave() {
      if (!seat) return;
      var url = base + 'room/api/' + code + '/leave' + (token ? '?token=' + encodeURIComponent(token) : '');
      var body = JSON.stringify({ seat: seat });
      if (navigator.sendBeacon) navigator.sendBeacon(url, new Blob([body], { type: 'application/json' }));
    }

    part('leave').addEventListener('click', function () {
      call('POST', 'room/api/' + code + '/leave', { seat: seat }).then(function () {
        finished(say('room.left') + ' ' + say('room.carry_on_hint'));
      });
    });
    window.addEventListener('pagehide', leave);

    drawMine();
    call('POST', 'room/api/' + code + '/join', {}).then(function (data) {
      if (data.error) { draw(data); return; }
      seat = data.seat;
      say_status(say('room.joined'));
      poller = poll('room/api/' + code + '/phone', draw, { 'X-Room-Seat': seat });
    });
  }

  /* ---------------- the projector ---------------- */

  function drawResults(target, results, words) {
    target.textContent = '';
    if (!results) return;
    if (words) {
      var cloud = make('ul', null, 'pack-room-words');
      cloud.setAttribute('aria-label', say('room.words_list'));
      var most = results.words.reduce(function (top, pair) { return Math.max(top, pair[1]); }, 1);
      results.words.forEach(function (pair) {
        var size = Math.min(4, 1 + Math.round(3 * (pair[1] - 1) / Math.max(1, most - 1)));
        var item = make('li', null, 'pack-room-word pack-room-word--' + size);
        item.appendChild(make('span', pair[0]));
        if (pair[1] > 1) item.appendChild(make('span', ' ×' + pair[1], 'pack-room-word-count'));
        cloud.appendChild(item);
      });
      if (!results.words.length) target.appendChild(make('p', say('room.no_words_released')));
      target.appendChild(cloud);
      return;
    }
    results.items.forEach(function (item) {
      var table = make('table', null, 'pack-room-totals');
      table.appendChild(make('caption', item.label));
      var total = item.counts.reduce(function (sum, pair) { return sum + pair[1]; }, 0) + item.not_placed;
      item.counts.concat([[say('room.not_placed'), item.not_placed]]).forEach(function (pair) {
        var row = document.createElement('tr');
        row.appendChild(make('th', pair[0]));
        var cell = make('td');
        var bar = make('span', null, 'pack-room-bar');
        bar.style.width = (total ? Math.round(80 * pair[1] / total) : 0) + '%';  // room for the number
        bar.setAttribute('aria-hidden', 'true');
        cell.appendChild(bar);
        cell.appendChild(make('span', String(pair[1]), 'pack-room-count'));
        row.appendChild(cell);
        table.appendChild(row);
      });
      target.appendChild(table);
    });
  }

  function screen() {
    poll('room/api/' + code + '/screen', function (data) {
      if (data.error || data.ended) {
        show(part('asking'), false);
        show(part('showing'), false);
        part('results').textContent = '';
        part('status').textContent = data.error || say('room.ended');
        return;
      }
      part('status').textContent = '';
      part('here').textContent = say('room.here', { count: data.here });
      var asking = data.asking;
      show(part('asking'), Boolean(asking));
      if (asking) {
        part('asking-title').textContent = asking.title;
        part('asking-count').textContent = say('room.answered_count', { count: asking.answered }) +
          (asking.more_needed ? ' ' + say('room.more_needed', { count: asking.more_needed }) : '');
      }
      var showing = data.showing;
      show(part('showing'), Boolean(showing));
      if (showing) {
        part('showing-title').textContent = showing.title;
        part('showing-wait').textContent = showing.results ? '' :
          say('room.more_needed', { count: showing.more_needed }) + ' ' + say('room.results_wait');
        drawResults(part('results'), showing.results, showing.words);
      } else {
        part('results').textContent = '';
      }
    });
  }

  /* ---------------- the facilitator ---------------- */

  function host() {
    var room = null;
    var poller = null;
    var error = part('error');
    var status = part('status');

    function showError(text) { error.textContent = text || ''; show(error, Boolean(text)); }

    function act(action, body) {
      body = body || {};
      if (room) body.code = room;
      return call('POST', 'room/api/host/' + action, body).then(function (data) {
        if (data.error) { showError(data.error); return data; }
        showError('');
        draw(data);
        return data;
      });
    }

    function controlButton(text, action, body, className) {
      var button = make('button', text, 'pack-room-button' + (className ? ' ' + className : ''));
      button.type = 'button';
      button.addEventListener('click', function () {
        act(action, body).then(function () { status.textContent = say('room.done', { action: text }); });
      });
      return button;
    }

    function drawQuestion(question, state) {
      var box = make('section', null, 'pack-room-host-question');
      box.setAttribute('data-question', question.id);
      box.appendChild(make('h3', question.title));
      var facts = [];
      if (state.current === question.id) facts.push(say('room.now_asking'));
      if (question.asked) facts.push(say('room.answered_count', { count: question.answered }));
      if (question.asked && !question.enough) facts.push(say('room.below_threshold'));
      if (question.revealed) facts.push(say('room.revealed'));
      if (facts.length) box.appendChild(make('p', facts.join(' ')));
      var buttons = make('p', null, 'pack-room-controls');
      var body = { question: question.id };
      if (!question.asked || (question.revealed && state.current !== question.id)) {
        buttons.appendChild(controlButton(question.asked ? say('room.ask_again') : say('room.ask'), question.asked ? 'again' : 'ask', body));
      } else if (state.current !== question.id) {
        buttons.appendChild(controlButton(say('room.ask'), 'ask', body));
      }
      if (question.asked) buttons.appendChild(controlButton(say('room.reveal'), 'reveal', body));
      if (question.can_vote && question.released.length) buttons.appendChild(controlButton(say('room.vote'), 'vote', body));
      box.appendChild(buttons);
      if (question.words && question.asked) {
        var queue = make('div', null, 'pack-room-queue');
        queue.appendChild(make('h4', say('room.queue_heading', { count: question.queue.length })));
        if (!question.queue.length) queue.appendChild(make('p', say('room.queue_empty')));
        var list = make('ul');
        question.queue.forEach(function (word) {
          var item = make('li');
          item.appendChild(make('span', word.text, 'pack-room-queued'));
          var words = { question: question.id, word: word.id };
          item.appendChild(controlButton(say('room.release'), 'release', words));
          item.appendChild(controlButton(say('room.leave_out'), 'leave-out', words));
          list.appendChild(item);
        });
        queue.appendChild(list);
        if (question.released.length) {
          queue.appendChild(make('p', say('room.released_count', { count: question.released.length })));
        }
        if (question.left_out) queue.appendChild(make('p', say('room.left_out_count', { count: question.left_out })));
        box.appendChild(queue);
      }
      return box;
    }

    function draw(state) {
      if (state.error) {
        showError(state.error);
        if (state.status === 404 || state.status === 410) ended(state.error);
        return;
      }
      if (state.ended) { ended(say('room.ended_host')); return; }
      room = state.code;
      show(part('start-form'), false);
      show(part('room'), true);
      part('join-url').textContent = state.join_url;
      part('screen-link').href = state.screen_url;
      part('keep-html').href = base + 'room/api/host/keep?code=' + encodeURIComponent(room) + '&key=' + encodeURIComponent(hostKey);
      part('keep-md').href = part('keep-html').href + '&format=md';
      part('keep-html').setAttribute('download', 'our-room.html');
      part('keep-md').setAttribute('download', 'our-room.md');
      part('counts').textContent = say('room.host_counts', { here: state.here, joined: state.joined, threshold: state.threshold });
      var threshold = document.getElementById('room-threshold');
      if (document.activeElement !== threshold) threshold.value = state.threshold;
      var questions = part('questions');
      var focused = document.activeElement && document.activeElement.closest && document.activeElement.closest('[data-question]');
      var focusedQuestion = focused ? focused.getAttribute('data-question') : null;
      var focusedText = focused ? document.activeElement.textContent : null;
      questions.textContent = '';
      state.questions.forEach(function (question) { questions.appendChild(drawQuestion(question, state)); });
      // Redrawing replaces the buttons; keep the keyboard where it was.
      if (focusedQuestion) {
        var again = questions.querySelector('[data-question="' + focusedQuestion + '"]');
        var buttons = again ? again.querySelectorAll('button') : [];
        var target = Array.prototype.filter.call(buttons, function (b) { return b.textContent === focusedText; })[0] || buttons[0];
        if (target) target.focus();
        else part('questions').querySelector('h3') && questions.focus();
      }
    }

    function ended(message) {
      if (poller) poller.stop();
      room = null;
      show(part('room'), false);
      show(part('start-form'), true);
      status.textContent = message;
    }

    function follow(code) {
      room = code;
      if (poller) poller.stop();
      poller = poll('room/api/host/state?code=' + encodeURIComponent(code), draw);
    }

    part('start-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var chapter = document.getElementById('room-chapter');
      room = null;
      act('start', { chapter: chapter.value, language: document.getElementById('room-language').value }).then(function (data) {
        if (data.error) return;
        follow(data.code);
        document.getElementById('room-host-heading').focus();
      });
    });
    document.querySelectorAll('[data-resume]').forEach(function (button) {
      button.addEventListener('click', function () { follow(button.getAttribute('data-resume')); });
    });
    part('threshold-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var value = Number(document.getElementById('room-threshold').value);
      act('threshold', { threshold: Number.isInteger(value) ? value : -1 }).then(function (data) {
        if (!data.error) status.textContent = say('room.threshold_now', { count: data.threshold });
      });
    });
    part('stop').addEventListener('click', function () { act('stop'); });
    part('hide').addEventListener('click', function () { act('hide'); });
    part('end').addEventListener('click', function () { show(part('end-confirm'), true); part('end-yes').focus(); });
    part('end-no').addEventListener('click', function () { show(part('end-confirm'), false); part('end').focus(); });
    part('end-yes').addEventListener('click', function () {
      show(part('end-confirm'), false);
      act('end').then(function () { ended(say('room.ended_host')); });
    });
  }

  if (view === 'phone') phone();
  else if (view === 'screen') screen();
  else if (view === 'host') host();
})();
