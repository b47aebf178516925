'use strict';
// The Live Cafe Feed and the roster. Every value from the server is put in the page with
// textContent or as an attribute, never parsed as HTML: names come from a database.
(function () {
  const PAGE_SIZE = 6;
  const MAX_FEED_CARDS = 200;
  const rosters = {
    available: { page: 1, totalPages: 1 },
    adopted: { page: 1, totalPages: 1 },
  };
  const seenMessages = new Set();
  let activeFilter = 'all';
  let staffAdoption = false;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // ---- roster -------------------------------------------------------------------------
  async function loadRoster(status, page) {
    const query = new URLSearchParams({ status: status, page: String(page), limit: String(PAGE_SIZE) });
    const response = await fetch('/api/cats?' + query.toString());
    if (!response.ok) return;
    const body = await response.json();
    rosters[status].page = body.page;
    rosters[status].totalPages = Math.max(1, body.totalPages);
    const grid = document.getElementById(status + '-grid');
    grid.replaceChildren(...body.cats.map(catCard));
    document.getElementById(status + '-page').textContent =
      'Page ' + body.page + ' of ' + rosters[status].totalPages;
    document.getElementById(status + '-prev').disabled = body.page <= 1;
    document.getElementById(status + '-next').disabled = body.page >= rosters[status].totalPages;
  }

  function catCard(cat) {
    const card = element('div', 'cat-card');
    card.dataset.catId = cat.cat_id;
    const avatar = element('img');
    avatar.alt = '';
    avatar.src = '/avatars/' + encodeURIComponent(cat.coat_color || 'unknown') + '/' +
      encodeURIComponent(cat.coat_length || 'unknown') + '.svg';
    card.appendChild(avatar);
    const text = element('div');
    text.appendChild(element('div', 'cat-name', cat.name));
    text.appendChild(element('div', 'cat-detail', cat.age_text));
    text.appendChild(element('div', 'cat-detail', cat.coat_text));
    if (staffAdoption && cat.status === 'available') {
      const adopt = element('button', 'adopt', 'Adopt');
      adopt.type = 'button';
      adopt.addEventListener('click', () => staffAdopt(cat.cat_id, adopt));
      text.appendChild(adopt);
    }
    card.appendChild(text);
    return card;
  }

  async function staffAdopt(catId, button) {
    const message = document.getElementById('staff-message');
    button.disabled = true;
    const response = await fetch('/api/cats/' + encodeURIComponent(catId) + '/adopt', {
      method: 'POST',
      headers: { 'X-Staff-Token': document.getElementById('staff-token').value },
    });
    const body = await response.json().catch(() => ({}));
    message.textContent = response.ok ? 'Adopted ' + body.cat_name : (body.error || 'adoption failed');
    button.disabled = false;
  }

  function reloadRosters() {
    loadRoster('available', 1);
    loadRoster('adopted', 1);
  }

  function wirePager(status) {
    document.getElementById(status + '-prev').addEventListener('click', () => {
      if (rosters[status].page > 1) loadRoster(status, rosters[status].page - 1);
    });
    document.getElementById(status + '-next').addEventListener('click', () => {
      if (rosters[status].page < rosters[status].totalPages) loadRoster(status, rosters[status].page + 1);
    });
  }

  // ---- feed ---------------------------------------------------------------------------
  function describe(message) {
    const data = message.data || {};
    switch (message.type) {
      case 'potential_adopter':
        return { tag: 'adopter', title: 'Potential Adopter Alert', icon: '\u2764\uFE0F', text: data.alert_message };
      case 'cat_health_alert':
        return { tag: 'health', title: 'Cat Health Alert', icon: '\uD83E\uDE7A',
          text: 'Health Alert for ' + data.cat_name + ': ' + data.alert_type + ' warning.' };
      case 'cat_status_update':
        return { tag: 'status', title: 'Adoption Successful!', icon: '\uD83C\uDF89',
          text: data.cat_name + ' has found a new home! The roster is updating.' };
      default:
        return { tag: 'system', title: 'System Notification', icon: '\uD83D\uDD14', text: '' };
    }
  }

  function messageKey(message) {
    const data = message.data || {};
    if (data.alert_id) return message.type + ':' + data.alert_id;
    if (message.type === 'cat_status_update') return message.type + ':' + data.cat_id;
    return null;
  }

  function onFeedMessage(message) {
    // A reconnect replays the server's recent buffer: show each alert once.
    const key = messageKey(message);
    if (key !== null) {
      if (seenMessages.has(key)) return;
      seenMessages.add(key);
    }
    const shown = describe(message);
    const card = element('div', 'feed-card ' + shown.tag);
    card.dataset.type = shown.tag;
    if (message.data && message.data.alert_id) card.dataset.alertId = message.data.alert_id;
    card.appendChild(element('span', 'feed-time', new Date().toLocaleTimeString()));
    card.appendChild(element('div', 'feed-title', shown.icon + ' ' + shown.title));
    card.appendChild(element('div', 'feed-text', shown.text));
    const feed = document.getElementById('feed');
    const placeholder = document.getElementById('feed-placeholder');
    if (placeholder) placeholder.remove();
    feed.prepend(card);
    while (feed.children.length > MAX_FEED_CARDS) feed.lastElementChild.remove();
    applyFilter(card);
    if (message.type === 'cat_status_update' && message.data && message.data.status === 'adopted') {
      reloadRosters();
    }
  }

  function applyFilter(card) {
    const tag = card.dataset.type;
    // Adoption announcements stay visible under any filter; system notes only under "All".
    const visible = activeFilter === 'all' || tag === 'status' || tag === activeFilter;
    card.hidden = !visible;
  }

  function wireFilters() {
    for (const button of document.querySelectorAll('.filter')) {
      button.addEventListener('click', () => {
        activeFilter = button.dataset.filter;
        for (const other of document.querySelectorAll('.filter')) {
          other.classList.toggle('active', other === button);
        }
        for (const card of document.querySelectorAll('.feed-card')) applyFilter(card);
      });
    }
  }

  function setConnection(state) {
    const pill = document.getElementById('connection-status');
    pill.className = 'pill ' + (state === 'Live' ? 'pill-live' : 'pill-down');
    document.getElementById('connection-text').textContent = state;
  }

  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(scheme + '://' + location.host + '/ws');
    socket.addEventListener('open', () => setConnection('Live'));
    socket.addEventListener('message', (event) => {
      try {
        onFeedMessage(JSON.parse(event.data));
      } catch (ignored) {
        // a malformed frame must not stop the feed
      }
    });
    socket.addEventListener('close', () => {
      setConnection('Disconnected');
      setTimeout(connect, 3000);
    });
    socket.addEventListener('error', () => socket.close());
  }

  async function start() {
    wirePager('available');
    wirePager('adopted');
    wireFilters();
    try {
      const config = await (await fetch('/api/config')).json();
      staffAdoption = config.staffAdoption === true;
    } catch (ignored) {
      staffAdoption = false;
    }
    document.getElementById('staff-panel').hidden = !staffAdoption;
    reloadRosters();
    connect();
  }

  document.addEventListener('DOMContentLoaded', start);
})();
