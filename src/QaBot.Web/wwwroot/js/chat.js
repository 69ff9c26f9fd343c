// Starts Web Chat on the page over the host's own Direct Line (polling, no WebSocket, no cloud). When the
// conversation on the page has ended (the host restarted without Redis, or it sat unused too long), it
// starts a new one, says so in one line, and sends there what the person was sending: never a lasting
// "Send failed". When the host was only away for a while (a restart with Redis), it picks the same
// conversation up again.
(function () {
  'use strict';
  var nonce = document.currentScript && document.currentScript.nonce;
  var host = document.getElementById('webchat');
  var status = document.getElementById('status');
  var domain = new URL('v3/directline', document.baseURI).href;
  // DirectLineJS's connection states (botframework-directlinejs ConnectionStatus).
  var ONLINE = 2, EXPIRED_TOKEN = 3, FAILED_TO_CONNECT = 4, ENDED = 5;
  var ENDED_NOTE = 'That conversation had ended, so a new one has started.';
  var AWAY_NOTE = 'Reconnecting\u2026';
  var current = null;
  var retries = 0;

  function fail(message) {
    host.textContent = message;
    host.className = 'notice';
  }

  function say(text) {
    status.textContent = text || '';
    status.hidden = !text;
  }

  // Web Chat 4.18.1 gives its nonce to every style sheet it creates but one (react-scroll-to-bottom's),
  // which the page's Content-Security-Policy then blocks. Style elements added to <head> by the
  // page's own scripts (the only scripts the policy lets run) get the page's nonce.
  if (nonce) {
    var vouch = function (node) {
      if (node instanceof HTMLStyleElement && !node.nonce) node.setAttribute('nonce', nonce);
      return node;
    };
    var insertBefore = HTMLHeadElement.prototype.insertBefore;
    var appendChild = HTMLHeadElement.prototype.appendChild;
    HTMLHeadElement.prototype.insertBefore = function (node, reference) { return insertBefore.call(this, vouch(node), reference); };
    HTMLHeadElement.prototype.appendChild = function (node) { return appendChild.call(this, vouch(node)); };
  }

  // DirectLineJS polls with XMLHttpRequest and, after a failed poll (the host restarting, a proxy's 502,
  // a 429), stops polling for good without a sign, except after a 403 or 404. The page watches the polls
  // here, and asks the host itself what became of the conversation.
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    if (method === 'GET' && /\/conversations\/[^/]+\/activities/.test(url)) {
      this.addEventListener('loadend', function () {
        var chat = current;
        if (this.status === 403 || this.status === 404 || (this.status >= 200 && this.status < 300)) return;
        if (chat && !chat.over && !chat.probing && url.indexOf('/conversations/' + chat.directLine.conversationId + '/') >= 0) {
          chat.probing = true;
          probe(chat, null, 0);
        }
      });
    }
    return open.apply(this, arguments);
  };

  if (!window.WebChat) {
    fail('Web Chat did not load: lib/webchat.js is missing. Building the project fetches it.');
    return;
  }

  // A new conversation in a new Web Chat; `resend` is the message to send once it is connected, and
  // `note` the line to show then.
  function start(resend, note) {
    return fetch(domain + '/tokens/generate', { method: 'POST' })
      .then(function (response) {
        if (!response.ok) throw new Error('the server answered ' + response.status);
        return response.json();
      })
      .then(function (conversation) {
        var directLine = window.WebChat.createDirectLine({ domain: domain, token: conversation.token, webSocket: false });
        var chat = { directLine: directLine, over: false, probing: false, note: note, sending: {} };
        var store = window.WebChat.createStore({}, function (api) {
          return function (next) {
            return function (action) {
              var result = next(action);
              if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
                retries = 0;
                say(note);
                if (resend) {
                  var text = resend;
                  resend = null;
                  setTimeout(function () { api.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: text } }); }, 0);
                }
              } else if (action.type === 'DIRECT_LINE/POST_ACTIVITY_PENDING') {
                chat.sending[action.meta.clientActivityID] = action.payload.activity.text;
              } else if (action.type === 'DIRECT_LINE/POST_ACTIVITY_REJECTED') {
                check(chat, chat.sending[action.meta.clientActivityID]);
              }
              return result;
            };
          };
        });
        chat.subscription = directLine.connectionStatus$.subscribe(function (state) {
          if (state === ENDED || state === EXPIRED_TOKEN) restart(chat, null, ENDED_NOTE);
          else if (state === FAILED_TO_CONNECT) restart(chat, null, null);
        });
        current = chat;
        // A fresh element each time: Web Chat is never handed a second store in place of its first.
        var element = document.createElement('div');
        element.className = 'chat';
        host.replaceChildren(element);
        window.WebChat.renderWebChat({
          directLine: directLine,
          store: store,
          locale: 'en-US',
          // Styles Web Chat injects carry the page's nonce, so the page's CSP needs no 'unsafe-inline'.
          nonce: nonce,
          styleOptions: {
            // Markdown only: HTML in a message is shown as text, never rendered.
            markdownRenderHTML: false,
            hideUploadButton: true,
            botAvatarInitials: 'QA',
            userAvatarInitials: 'You',
            bubbleMaxWidth: 720,
            suggestedActionLayout: 'flow'
          }
        }, element);
      });
  }

  // A message Web Chat could not send: when its conversation is gone, the message goes to a new one;
  // otherwise (too large, too many) Web Chat's own retry stays.
  function check(chat, text) {
    ask(chat).then(function (response) {
      if (gone(response)) restart(chat, text, ENDED_NOTE);
    }, function () { /* the host is away; a failed poll starts the probing */ });
  }

  // After a failed poll: asks the host, a little later each time, until it answers. The conversation is
  // there: polling resumes (a new poll loop starts when DirectLineJS hears "online"). It is gone (a token
  // the host does not know, or an ended conversation): a new one starts.
  function probe(chat, text, attempt) {
    if (chat !== current || chat.over) return;
    ask(chat).then(function (response) {
      if (chat !== current || chat.over) return;
      if (gone(response)) {
        restart(chat, text, ENDED_NOTE);
      } else if (response.ok) {
        chat.probing = false;
        if (status.textContent === AWAY_NOTE) say(chat.note);
        chat.directLine.connectionStatus$.next(ONLINE);
      } else {
        setTimeout(function () { probe(chat, text, attempt + 1); }, Math.min(5, attempt + 1) * 1000);
      }
    }, function () {
      say(AWAY_NOTE);
      setTimeout(function () { probe(chat, text, attempt + 1); }, Math.min(5, attempt + 1) * 1000);
    });
  }

  // Direct Line's reconnect call: 200 while the conversation is there, with this token.
  function ask(chat) {
    return fetch(domain + '/conversations/' + encodeURIComponent(chat.directLine.conversationId || '-'), {
      headers: { Authorization: 'Bearer ' + chat.directLine.token }
    });
  }

  function gone(response) {
    return response.status === 401 || response.status === 403 || response.status === 404;
  }

  // Ends the page's conversation and starts another, at once after an end; after a failure to connect
  // (the host down or full), a little later each time.
  function restart(chat, text, note) {
    if (chat !== current || chat.over) return;
    chat.over = true;
    chat.subscription.unsubscribe();
    chat.directLine.end();
    var wait = note ? 0 : Math.min(30, 2 << retries++);
    if (!note) say('The chat could not connect; trying again in ' + wait + ' seconds.');
    setTimeout(function again() {
      start(text, note).catch(function () {
        wait = Math.min(30, 2 << retries++);
        say('The chat could not connect; trying again in ' + wait + ' seconds.');
        setTimeout(again, wait * 1000);
      });
    }, wait * 1000);
  }

  start(null, null).catch(function (error) {
    fail('Could not start a conversation: ' + error.message + '.');
  });
})();
