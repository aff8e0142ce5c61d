// Retrospective live mode (progressive enhancement; the page works without this file).
// - Polls the database-backed endpoint data-news-url every 2 s for items and actions newer than the last ones shown,
//   and appends them; new items of other participants are announced politely to screen readers.
// - Posts the item and action forms with fetch (the form's own antiforgery field travels in the FormData) and shows
//   the answer in place; an item already shown (its id is known) is never added twice.
(function () {
    'use strict';
    var root = document.querySelector('[data-retro-live]');
    if (!root || !window.fetch || !window.FormData) {
        return;
    }
    var LABELS = { Works: 'Ce qui fonctionne', ToImprove: 'À améliorer' };
    var newsUrl = root.getAttribute('data-news-url');
    var me = root.getAttribute('data-me');
    var lastItem = parseInt(root.getAttribute('data-last-item'), 10) || 0;
    var lastAction = parseInt(root.getAttribute('data-last-action'), 10) || 0;
    var announcer = root.querySelector('[data-live-announcer]');
    var actionsList = document.querySelector('[data-live-actions]');
    var seenItems = {};
    var seenActions = {};
    Array.prototype.forEach.call(document.querySelectorAll('[data-item-id]'), function (el) { seenItems[el.getAttribute('data-item-id')] = true; });
    Array.prototype.forEach.call(document.querySelectorAll('[data-action-id]'), function (el) { seenActions[el.getAttribute('data-action-id')] = true; });

    var queue = [];
    var speaking = false;
    function announce(text) {
        // One message at a time, so that several items arriving together are all read.
        queue.push(text);
        if (speaking || !announcer) {
            return;
        }
        speaking = true;
        (function next() {
            var message = queue.shift();
            if (message === undefined) {
                speaking = false;
                return;
            }
            announcer.textContent = message;
            setTimeout(next, 1500);
        })();
    }

    function format(date) {
        var parts = (date || '').split('-');
        return parts.length === 3 ? parts[2] + '/' + parts[1] + '/' + parts[0] : date;
    }

    function addItem(item) {
        var key = String(item.id);
        if (seenItems[key]) {
            return false;
        }
        var list = root.querySelector('[data-items-for="' + item.kind + '"]');
        if (!list) {
            return false;
        }
        seenItems[key] = true;
        var li = document.createElement('li');
        li.className = 'cap-retro-item cap-retro-item--new';
        li.setAttribute('data-item-id', key);
        var text = document.createElement('p');
        text.className = 'cap-retro-item__text';
        text.textContent = item.text;
        li.appendChild(text);
        if (item.author) {
            var author = document.createElement('p');
            author.className = 'cap-retro-item__author';
            author.textContent = item.author;
            li.appendChild(author);
        }
        list.appendChild(li);
        var count = root.querySelector('[data-count-for="' + item.kind + '"]');
        if (count) {
            count.textContent = String(list.children.length);
        }
        var empty = root.querySelector('[data-empty-for="' + item.kind + '"]');
        if (empty) {
            empty.parentNode.removeChild(empty);
        }
        if (String(item.authorId) !== me) {
            announce('Nouvel élément dans « ' + LABELS[item.kind] + ' »' + (item.author ? ', de ' + item.author : '') + ' : ' + item.text);
        }
        return true;
    }

    function addAction(action) {
        var key = String(action.id);
        if (seenActions[key] || !actionsList) {
            return false;
        }
        seenActions[key] = true;
        var li = document.createElement('li');
        li.setAttribute('data-action-id', key);
        var title = document.createElement('strong');
        title.textContent = action.title;
        li.appendChild(title);
        li.appendChild(document.createTextNode(' — ' + action.ownerName + (action.dueDate ? ', pour le ' + format(action.dueDate) : '') + ' '));
        li.appendChild(statusBadge(action.status));
        actionsList.appendChild(li);
        var count = document.querySelector('[data-actions-count]');
        if (count) {
            count.textContent = String(actionsList.children.length);
        }
        announce('Nouvelle action : ' + action.title + ', portée par ' + action.ownerName);
        return true;
    }

    // The badge of a status as the server renders it (<template data-action-badge> written by <dsfr-badge>):
    // its classes and label are never restated here.
    function statusBadge(status) {
        var template = root.querySelector('template[data-action-badge="' + status + '"]');
        if (template && template.content && template.content.firstElementChild) {
            return template.content.firstElementChild.cloneNode(true);
        }
        var text = document.createElement('span');
        text.textContent = status;
        return text;
    }

    var timer = null;
    function schedule() {
        clearTimeout(timer);
        timer = setTimeout(poll, 2000);
    }

    function poll() {
        if (document.hidden) {
            schedule();
            return;
        }
        fetch(newsUrl + '?apres=' + lastItem + '&actionsApres=' + lastAction, { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (news) {
                if (news) {
                    // Only the poll moves the marks: the author's own post may have a greater id than an item of
                    // someone else committed just before it, which the next poll must still bring.
                    news.items.forEach(function (item) { lastItem = Math.max(lastItem, item.id); addItem(item); });
                    news.actions.forEach(function (action) { lastAction = Math.max(lastAction, action.id); addAction(action); });
                }
            })
            .catch(function () { /* the next poll tries again */ })
            .then(schedule);
    }

    function fieldOf(form, key) {
        var name = key.charAt(0).toUpperCase() + key.slice(1);
        var fields = form.querySelectorAll('input[name], textarea[name], select[name]');
        for (var i = 0; i < fields.length; i++) {
            var n = fields[i].getAttribute('name');
            if (n.slice(n.lastIndexOf('.') + 1) === name && fields[i].type !== 'hidden') {
                return fields[i];
            }
        }
        return form.querySelector('textarea, input:not([type=hidden]), select');
    }

    function clearErrors(form) {
        Array.prototype.forEach.call(form.querySelectorAll('.fr-messages-group'), function (group) { group.textContent = ''; });
        Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'), function (field) {
            field.removeAttribute('aria-invalid');
            field.classList.remove('fr-input--error', 'fr-select--error');
            var group = field.closest('.fr-input-group, .fr-select-group');
            if (group) {
                group.classList.remove('fr-input-group--error', 'fr-select-group--error');
            }
        });
    }

    function showErrors(form, errors) {
        var first = null;
        Object.keys(errors).forEach(function (key) {
            var field = fieldOf(form, key);
            if (!field) {
                return;
            }
            var messages = document.getElementById(field.id + '-messages');
            if (messages) {
                var p = document.createElement('p');
                p.className = 'fr-message fr-message--error';
                p.textContent = errors[key];
                messages.appendChild(p);
            }
            field.setAttribute('aria-invalid', 'true');
            var isSelect = field.tagName === 'SELECT';
            field.classList.add(isSelect ? 'fr-select--error' : 'fr-input--error');
            var group = field.closest('.fr-input-group, .fr-select-group');
            if (group) {
                group.classList.add(isSelect ? 'fr-select-group--error' : 'fr-input-group--error');
            }
            first = first || field;
        });
        if (first) {
            first.focus();
        }
    }

    Array.prototype.forEach.call(document.querySelectorAll('form[data-retro-form]'), function (form) {
        if (form.getAttribute('data-retro-form') === 'action' && !actionsList) {
            // The full page lists actions in a table with their own forms: its action form posts normally (PRG).
            return;
        }
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            var button = form.querySelector('button[type=submit]');
            if (button) {
                button.disabled = true;
            }
            fetch(form.action, { method: 'POST', body: new FormData(form), headers: { Accept: 'application/json' }, credentials: 'same-origin' })
                .then(function (response) {
                    return response.json().catch(function () { return null; }).then(function (body) { return { status: response.status, body: body }; });
                })
                .then(function (answer) {
                    clearErrors(form);
                    if (answer.status === 201 && answer.body) {
                        if (form.getAttribute('data-retro-form') === 'item') {
                            addItem(answer.body);
                            announce('Élément ajouté à « ' + LABELS[answer.body.kind] + ' ».');
                            form.querySelector('textarea').value = '';
                            form.querySelector('textarea').focus();
                        } else {
                            if (!addAction(answer.body)) {
                                announce('Action décidée : ' + answer.body.title + '.');
                            }
                            form.reset();
                        }
                    } else if (answer.body && answer.body.errors) {
                        showErrors(form, answer.body.errors);
                    } else {
                        // Anything unexpected (an expired session, a stale token): the ordinary post shows the page's answer.
                        form.submit();
                    }
                })
                .catch(function () { form.submit(); })
                .then(function () {
                    if (button) {
                        button.disabled = false;
                    }
                });
        });
    });

    schedule();
})();
