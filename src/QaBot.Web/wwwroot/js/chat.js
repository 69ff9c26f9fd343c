// Starts Web Chat on the page over the host's own Direct Line (polling, no WebSocket, no cloud).
(function () {
  'use strict';
  var nonce = document.currentScript && document.currentScript.nonce;
  var host = document.getElementById('webchat');

  function fail(message) {
    host.textContent = message;
    host.className = 'notice';
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

  if (!window.WebChat) {
    fail('Web Chat did not load: lib/webchat.js is missing. Building the project fetches it.');
    return;
  }

  var domain = new URL('v3/directline', document.baseURI).href;
  fetch(domain + '/tokens/generate', { method: 'POST' })
    .then(function (response) {
      if (!response.ok) throw new Error('the server answered ' + response.status);
      return response.json();
    })
    .then(function (conversation) {
      window.WebChat.renderWebChat({
        directLine: window.WebChat.createDirectLine({ domain: domain, token: conversation.token, webSocket: false }),
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
      }, host);
    })
    .catch(function (error) {
      fail('Could not start a conversation: ' + error.message + '.');
    });
})();
