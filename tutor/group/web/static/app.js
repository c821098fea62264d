/* The participant's page of a group session: join with the code, then follow the trainer.
   Every text comes from the server (#texts); only the server's safe HTML fields go into
   innerHTML. Protocol: docs in tutor/group/web/server.py. */
"use strict";
(() => {
  const T = JSON.parse(document.getElementById("texts").textContent);
  const $ = (id) => document.getElementById(id);
  const view = $("view"), status = $("status"), reveal = $("reveal"), conn = $("conn");
  const where = $("where");
  let code = "", token = "", source = null, ended = false, lost = "", away = false, back = 0;
  let viewKey = "", q = null, last = null, retry = 0, delay = 2000, hiddenAt = 0, refused = false;

  function el(tag, props, kids) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === "text") node.textContent = value;
      else if (key === "html") node.innerHTML = value; // server HTML, already safe
      else if (key === "click") node.addEventListener("click", value);
      else node.setAttribute(key, value);
    }
    for (const kid of kids || []) if (kid) node.append(kid);
    return node;
  }
  const button = (text, click, cls) =>
    el("button", { type: "button", class: cls || "option", click: click }, [el("span", { text: text })]);
  const stored = (c) => { try { return localStorage.getItem("tutor-group-" + c) || ""; } catch (e) { return ""; } };
  const keep = (c, t) => { try { localStorage.setItem("tutor-group-" + c, t); } catch (e) { /* private mode */ } };
  const same = (a, b) => JSON.stringify(a === undefined ? null : a) === JSON.stringify(b === undefined ? null : b);

  async function api(method, path, body) {
    const init = { method: method, cache: "no-store" };
    if (body) { init.headers = { "Content-Type": "application/json" }; init.body = JSON.stringify(body); }
    const response = await fetch(path, init);
    let data = {};
    try { data = await response.json(); } catch (e) { /* not JSON: a proxy's error page */ }
    return { status: response.status, data: data || {} };
  }
  const query = () => "?code=" + encodeURIComponent(code) + "&token=" + encodeURIComponent(token);

  function show(kids) {
    view.replaceChildren(...kids);
    status.textContent = "";
    reveal.replaceChildren();
    window.scrollTo(0, 0);
  }

  function paintConn() {
    conn.className = lost ? "lost" : away ? "away" : "";
    conn.textContent = lost || (away ? T.away : back > Date.now() ? T.back : "");
  }
  function setLost(message) {
    if (!message && lost) {
      back = Date.now() + 3000; // say "back" for a moment
      setTimeout(paintConn, 3100);
    }
    lost = message || "";
    paintConn();
  }

  // Joining ----------------------------------------------------------------------------

  function showJoin(message) {
    closeEvents();
    viewKey = "join"; q = null; where.hidden = true;
    const input = el("input", { id: "code", name: "code", inputmode: "numeric", autocomplete: "off", enterkeyhint: "go" });
    input.value = code;
    const error = el("p", { id: "code-error", class: "error", role: "alert" });
    const submit = el("button", { type: "submit", class: "primary", text: T.join_button });
    const form = el("form", { novalidate: "" }, [el("label", { for: "code", text: T.code_label }), input, error, submit]);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      submit.disabled = true;
      submit.textContent = T.joining;
      join(input.value, true);
    });
    show([el("h2", { text: T.join_title }), el("p", { text: T.join_intro }), form, el("p", { class: "note", text: T.anonymous })]);
    if (message) {
      error.textContent = message;
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", "code-error");
    }
    return input;
  }

  async function join(text, typed) {
    const digits = String(text).replace(/\D/g, "");
    code = digits || code;
    const refuse = (message) => { const input = showJoin(message); if (typed) input.focus(); };
    if (!/^\d{6}$/.test(digits)) return refuse(T.bad_code);
    let result;
    try {
      result = await api("POST", "/api/join", { code: digits, token: stored(digits) || undefined });
    } catch (e) {
      if (typed) return refuse(T.no_server);
      setLost(T.lost); // reopened page, no connection yet: keep trying
      retry = setTimeout(() => join(digits, false), delay);
      delay = Math.min(delay * 2, 15000);
      return;
    }
    setLost("");
    if (result.status !== 200 || !result.data.token) return refuse(result.data.message || T.bad_code);
    token = result.data.token;
    keep(code, token);
    history.replaceState(null, "", "?code=" + code);
    if (viewKey === "join") { viewKey = ""; show([el("p", { class: "big", text: T.waiting })]); }
    openEvents();
  }

  async function rejoin() {
    closeEvents();
    let result;
    try {
      result = await api("POST", "/api/join", { code: code, token: token });
    } catch (e) {
      return later();
    }
    if (result.status === 200 && result.data.token) {
      token = result.data.token;
      keep(code, token);
      return openEvents();
    }
    if (result.status >= 500 || result.status === 429) return later(result.data.message);
    if (result.data.error === "ended") return finish();
    showJoin(result.data.message);
  }

  // Following the trainer ---------------------------------------------------------------

  function closeEvents() {
    clearTimeout(retry);
    retry = 0;
    if (source) source.close();
    source = null;
  }

  function openEvents() {
    closeEvents();
    if (ended || !token) return;
    const stream = new EventSource("/api/events" + query());
    source = stream;
    stream.addEventListener("state", (event) => {
      if (source !== stream) return;
      delay = 2000;
      refused = false;
      setLost("");
      apply(JSON.parse(event.data));
    });
    stream.addEventListener("error", () => {
      if (source !== stream || ended) return;
      setLost(T.lost);
      // The browser retries by itself, except after an error status: then find out why.
      // Should its retries get nowhere, the page checks itself after a while.
      if (stream.readyState === EventSource.CLOSED) {
        refused = true; // an error status before or instead of any state
        clearTimeout(retry);
        retry = setTimeout(check, 0);
      }
      else if (!retry) retry = setTimeout(check, 10000);
    });
  }

  function later(message) {
    closeEvents();
    setLost(message || T.lost);
    retry = setTimeout(check, delay);
    delay = Math.min(delay * 2, 15000);
  }

  async function check() {
    retry = 0;
    if (ended || !token) return;
    if (source && source.readyState === EventSource.OPEN) return;
    let result;
    try {
      result = await api("GET", "/api/state" + query());
    } catch (e) {
      return later();
    }
    if (result.status === 200) {
      setLost("");
      apply(result.data);
      // The state is there but the stream was refused (busy): open it again a little later.
      if (!refused) return openEvents();
      retry = setTimeout(openEvents, delay);
      delay = Math.min(delay * 2, 15000);
      return;
    }
    const reason = result.data.error;
    if (reason === "unknown") return rejoin();
    if (reason === "ended" || reason === "expired") return finish();
    later(result.data.message);
  }

  function finish() {
    const state = last || { shared: {}, mine: {} };
    apply({ shared: Object.assign({}, state.shared, { kind: "ended", away: false }), mine: state.mine });
  }

  function apply(state) {
    last = state;
    const shared = state.shared || {}, mine = state.mine || {}, kind = shared.kind;
    away = !!shared.away;
    paintConn();
    where.hidden = false;
    where.textContent = [shared.place, shared.lesson].filter(Boolean).join(" · ");
    const question = shared.question;
    const key = kind === "question" && question ? "q" + question.index
      : kind === "ended" || kind === "summary" ? kind : kind + "|" + shared.place + "|" + (shared.step || {}).title;
    if (key !== viewKey) {
      viewKey = key;
      q = null;
      if (kind === "step" && shared.step) show(stepView(shared.step));
      else if (kind === "question" && question) show(questionView(question, mine));
      else if (kind === "review" && shared.review) show(reviewView(shared.review));
      else if (kind === "summary" || kind === "ended") show(endView(shared, mine, kind));
      else show([el("h2", { text: T.waiting }), el("p", { text: T.following }), el("p", { class: "note", text: T.anonymous })]);
    } else if (kind === "step" && shared.step) {
      markCascade(shared.step, true);
    }
    if (q && question) update(question, mine);
    if (kind === "ended") { ended = true; closeEvents(); setLost(""); }
  }

  // Views ------------------------------------------------------------------------------

  function stepView(step) {
    const kids = [el("h2", { text: step.title })];
    if (step.badge) kids.push(el("p", { class: "badge" }, [el("span", { text: T.evidence + " " }), el("strong", { text: step.badge })]));
    kids.push(el("div", { class: "text", html: step.html }));
    if (step.cascade) {
      const links = step.cascade.links.map((link) =>
        el("li", {}, [el("strong", { text: link.label }), el("span", { html: link.text })]));
      kids.push(el("figure", { class: "cascade" }, [el("figcaption", { text: T.cascade }), el("ol", {}, links)]));
    }
    kids.push(el("aside", { class: "key" }, [el("h3", { text: T.key_point }), el("p", { html: step.key_point })]));
    setTimeout(() => markCascade(step, false));
    return kids;
  }

  function markCascade(step, moved) {
    if (!step.cascade) return;
    view.querySelectorAll(".cascade li").forEach((item, index) => {
      const now = index === step.cascade.at;
      item.classList.toggle("now", now);
      if (now) item.setAttribute("aria-current", "step"); else item.removeAttribute("aria-current");
      if (now && moved) item.scrollIntoView({ block: "nearest" }); // clear of the bars: scroll-padding
    });
  }

  function reviewView(review) {
    return [el("h2", { text: T.review_title }), el("h3", { html: review.question }), el("p", { html: review.explanation })];
  }

  function endView(shared, mine, kind) {
    const kids = [el("h2", { text: T.end_title }), el("p", { class: "big", text: kind === "ended" ? T.end_ended : T.end_thanks })];
    if (mine.score) kids.push(el("p", { class: "score", text: mine.score }));
    const unknowns = shared.unknowns || [];
    if (unknowns.length) {
      kids.push(el("h3", { text: T.end_unknowns }));
      kids.push(el("ul", { class: "unknowns" }, unknowns.map((u) =>
        el("li", {}, [el("strong", { html: u.question }), el("span", { html: u.explanation })]))));
    }
    if (kind === "ended") kids.push(el("p", { text: T.end_close }));
    return kids;
  }

  // Questions --------------------------------------------------------------------------

  function draft(form, answer) {
    const list = Array.isArray(answer) ? answer : [];
    if (form.mode === "one") return answer === undefined || answer === null ? null : JSON.stringify(answer);
    if (form.mode === "many") return new Set(list);
    if (form.mode === "order") return list.slice();
    return form.rows.map((row) => (list[row.value] === undefined ? null : list[row.value]));
  }

  function chosen() {
    const { form, sel } = q;
    if (form.mode === "one") return sel === null ? null : JSON.parse(sel);
    if (form.mode === "many") return sel.size ? [...sel].sort((a, b) => a - b) : null;
    if (form.mode === "order") return sel.length === form.options.length ? sel.slice() : null;
    return sel.every((value) => value !== null) ? sel.slice() : null;
  }

  const begun = () => (q.form.mode === "order" ? q.sel.length > 0 : q.form.mode === "grid" && q.sel.some((v) => v !== null));

  function questionView(question, mine) {
    const form = question.form, mode = form.mode, explain = mode === "many" && "model_answer" in form;
    q = { index: question.index, form: form, sel: draft(form, mine.answer), server: mine.answer, revealed: false,
      sending: false, dirty: false, error: "", opened: !explain || mine.answer != null, buttons: [] };
    const kids = [el("h2", { id: "prompt", text: question.prompt }),
      el("p", { class: "hint", text: T["hint_" + (explain ? "explain" : mode)] })];
    const group = el("div", { class: "options " + mode, role: "group", "aria-labelledby": "prompt" });
    const tap = (change) => () => { if (!q.revealed) { change(); q.dirty = true; q.error = ""; paint(); push(); } };
    if (mode === "grid") {
      form.rows.forEach((row) => {
        const choices = el("div", { class: "choices" });
        const set = el("fieldset", {}, [el("legend", { text: row.label }), choices]);
        form.choices.forEach((choice) => {
          const b = button(choice.label, tap(() => {
            if (form.unique) q.sel.forEach((v, i) => { if (v === choice.value) q.sel[i] = null; });
            q.sel[row.value] = choice.value;
          }));
          b.pressed = () => q.sel[row.value] === choice.value;
          q.buttons.push(b);
          choices.append(b);
        });
        group.append(set);
      });
    } else {
      form.options.forEach((option) => {
        let b;
        if (mode === "one") {
          b = button(option.label, tap(() => { q.sel = JSON.stringify(option.answer); }));
          b.pressed = () => q.sel === JSON.stringify(option.answer);
        } else if (mode === "many") {
          b = button(option.label, tap(() => { if (!q.sel.delete(option.value)) q.sel.add(option.value); }));
          b.pressed = () => q.sel.has(option.value);
        } else {
          const number = el("span", { class: "n", "aria-hidden": "true" }), place = el("span", { class: "sr" });
          b = el("button", { type: "button", class: "option" }, [number, place, el("span", { text: option.label })]);
          b.addEventListener("click", tap(() => {
            const at = q.sel.indexOf(option.value);
            if (at < 0) q.sel.push(option.value); else q.sel.splice(at, 1);
          }));
          b.pressed = () => {
            const at = q.sel.indexOf(option.value);
            number.textContent = at < 0 ? "" : String(at + 1);
            place.textContent = at < 0 ? "" : T.order_place.replace("{number}", at + 1) + ": ";
            return at >= 0;
          };
        }
        q.buttons.push(b);
        group.append(b);
      });
    }
    if (explain) {
      const model = el("div", { class: "model" }, [el("h3", { text: T.explain_model }), el("p", { text: form.model_answer }),
        el("p", { class: "hint", text: T.explain_tick })]);
      const open = button(T.explain_reveal, () => { q.opened = true; paint(); model.querySelector("h3").focus(); }, "primary");
      model.querySelector("h3").setAttribute("tabindex", "-1");
      q.explain = { open: open, parts: [model, group] };
      kids.push(open, model, group);
    } else {
      kids.push(group);
    }
    if (mode === "order") {
      q.yours = el("ol", { class: "yours" });
      q.yoursTitle = el("h3", { text: T.order_yours });
      q.reset = button(T.order_reset, tap(() => { q.sel = []; }), "secondary");
      kids.push(q.yoursTitle, q.yours, q.reset);
    }
    setTimeout(paint);
    return kids;
  }

  function paint() {
    if (!q) return;
    for (const b of q.buttons) {
      b.setAttribute("aria-pressed", String(b.pressed()));
      b.disabled = q.revealed;
    }
    if (q.explain) {
      q.explain.open.hidden = q.opened;
      for (const part of q.explain.parts) part.hidden = !q.opened;
    }
    if (q.yours) {
      const labels = new Map(q.form.options.map((o) => [o.value, o.label]));
      q.yours.replaceChildren(...q.sel.map((v) => el("li", { text: labels.get(v) })));
      q.yours.hidden = q.yoursTitle.hidden = !q.sel.length;
      q.reset.hidden = !q.sel.length || q.revealed;
    }
    if (q.revealed) status.textContent = "";
    else if (q.error) status.textContent = q.error;
    else if (q.sending || q.dirty) status.textContent = T.sending;
    else if (chosen() === null && begun()) status.textContent = T.not_sent;
    else status.textContent = q.server != null && same(chosen(), q.server) ? T.sent : "";
  }

  async function push() {
    const mine = q;
    if (!mine || mine.sending || !mine.dirty || mine.revealed) return;
    const answer = chosen();
    mine.dirty = false;
    if (same(answer, mine.server)) return paint();
    mine.sending = true;
    paint();
    let result;
    try {
      result = await api("POST", "/api/answer", { code: code, token: token, question: mine.index, answer: answer });
    } catch (e) {
      result = null;
    }
    mine.sending = false;
    if (q !== mine) return;
    const reason = result ? result.data.error : "";
    if (result && result.status === 200) {
      mine.server = result.data.answer;
    } else if (!result || reason === "busy" || reason === "limited" || result.status >= 500) {
      mine.dirty = true; // sent again shortly, or on the next state
      mine.error = result ? result.data.message || T.send_later : T.send_later;
      setTimeout(push, 3000);
    } else if (reason === "unknown") {
      mine.dirty = true;
      rejoin();
    } else {
      mine.error = result.data.message || T.too_late;
    }
    paint();
    if (mine.dirty && result && result.status === 200) push();
  }

  function update(question, mine) {
    q.server = mine.answer;
    if (question.revealed) {
      if (!q.revealed) {
        q.revealed = true;
        q.opened = true;
        q.dirty = false;
        q.sel = draft(q.form, mine.answer);
        reveal.replaceChildren(result(question, mine));
      }
    } else if (q.dirty && !q.sending) {
      q.error = "";
      push(); // an answer that could not be sent before the connection came back
    } else if (!q.sending && !q.dirty && !same(chosen(), mine.answer) && !(mine.answer == null && begun())) {
      q.sel = draft(q.form, mine.answer);
    }
    paint();
  }

  function lines(texts) {
    return el("ul", { class: "lines" }, texts.map((line) =>
      el("li", { class: /^\s/.test(line) ? "sub" : "", text: line.trim() })));
  }

  function result(question, mine) {
    const verdict = mine.verdict, kids = [];
    if (verdict) {
      kids.push(el("p", { class: "verdict " + (verdict.correct ? "right" : "wrong"), text: verdict.correct ? T.right : T.wrong }));
      kids.push(lines(verdict.feedback));
    } else {
      kids.push(el("p", { class: "verdict none", text: T.no_answer }), el("h3", { text: T.answer_key }), lines(question.key || []));
    }
    const quotes = (verdict ? verdict.quotes : question.quotes) || [];
    if (quotes.length) {
      kids.push(el("figure", { class: "quote" }, [el("figcaption", { text: T.quote }),
        ...quotes.map((text) => el("blockquote", { text: text }))]));
    }
    return el("section", { class: "result", "aria-labelledby": "prompt" }, kids);
  }

  // Staying connected ------------------------------------------------------------------

  window.addEventListener("offline", () => { if (token && !ended) setLost(T.lost); });
  window.addEventListener("online", () => { if (token && !ended) { delay = 2000; openEvents(); } });
  window.addEventListener("pageshow", (event) => { if (event.persisted && token && !ended) openEvents(); });
  document.addEventListener("visibilitychange", () => {
    if (document.hidden) { hiddenAt = Date.now(); return; }
    if (!token || ended) return;
    // After a locked screen the connection may be dead without knowing it: open a new one.
    if (!source || source.readyState !== EventSource.OPEN || Date.now() - hiddenAt > 10000) openEvents();
  });

  code = (new URLSearchParams(location.search).get("code") || "").replace(/\D/g, "").slice(0, 6);
  if (code && stored(code)) {
    show([el("p", { class: "big", text: T.joining })]);
    join(code, false);
  } else {
    showJoin("");
  }
})();
