// The observability console: polls the service's JSON and draws it. Every value is put
// into the page with textContent or as an attribute of an element made here, never as
// markup, so data from spans, checks and routes stays text.
(function () {
	'use strict';

	var data = document.body.dataset;
	var consolePath = data.consolePath || '/observability';
	var here = location.pathname;
	// The endpoints' paths are relative to the context path the console is served under.
	// Absolute URLs from the origin: a page opened as http://user:password@host/ would
	// otherwise resolve every request against a URL with credentials, which fetch refuses.
	var prefix = location.origin
		+ (here.slice(-consolePath.length) === consolePath ? here.slice(0, here.length - consolePath.length) : '');
	var pollMs = Math.max(parseInt(data.pollMs, 10) || 2000, 500);
	var copies = {};
	var tick = 0;

	function el(tag, props, children) {
		var node = document.createElement(tag);
		Object.keys(props || {}).forEach(function (key) {
			var value = props[key];
			if (value === undefined || value === null) {
				return;
			}
			if (key === 'text') {
				node.textContent = String(value);
			} else if (key === 'className') {
				node.className = value;
			} else if (key.indexOf('on') === 0) {
				node.addEventListener(key.slice(2), value);
			} else {
				node.setAttribute(key, String(value));
			}
		});
		(children || []).forEach(function (child) {
			if (child !== null && child !== undefined) {
				node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
			}
		});
		return node;
	}

	function replace(id, node) {
		var target = document.getElementById(id);
		if (target) {
			target.replaceChildren(node);
		}
	}

	function table(headers, rows, className) {
		return el('table', { className: className }, [
			el('thead', {}, [el('tr', {}, headers.map(function (h) { return el('th', { text: h }); }))]),
			el('tbody', {}, rows)
		]);
	}

	function cell(value, className) {
		return el('td', { className: className }, [value]);
	}

	function status(value) {
		return el('span', { className: 'status status-' + String(value).replace(/[^a-z]/g, ''), text: value });
	}

	function seconds(value) {
		if (value === null || value === undefined) {
			return '–';
		}
		if (value < 0.001) {
			return (value * 1e6).toFixed(0) + ' µs';
		}
		if (value < 1) {
			return (value * 1e3).toFixed(value < 0.01 ? 2 : 1) + ' ms';
		}
		return value.toFixed(2) + ' s';
	}

	function number(value, digits) {
		return (value === null || value === undefined) ? '–' : Number(value).toFixed(digits);
	}

	function safeLink(url) {
		return /^https?:\/\//i.test(String(url)) ? String(url) : null;
	}

	// Fetches JSON with the tag of the copy in hand; resolves to null when nothing changed.
	// /health answers 503 with its full body when a critical check fails: that is data too.
	function getJson(url, also) {
		var copy = copies[url];
		var headers = { 'Accept': 'application/json' };
		if (copy) {
			headers['If-None-Match'] = copy.etag;
		}
		return fetch(url, { headers: headers, cache: 'no-store', credentials: 'same-origin' }).then(function (response) {
			if (response.status === 304 && copy) {
				return null;
			}
			if (!response.ok && response.status !== also) {
				throw new Error('HTTP ' + response.status);
			}
			return response.json().then(function (json) {
				var etag = response.headers.get('ETag');
				if (etag) {
					copies[url] = { etag: etag, json: json };
				}
				return json;
			});
		});
	}

	function unavailable(id, error) {
		replace(id, el('p', { className: 'muted', text: 'Unavailable (' + error.message + ').' }));
	}

	function consoleData(name, query) {
		return location.origin + here + '?data=' + name + (query || '');
	}

	// Routes (RED)

	function drawRoutes(json) {
		var rows = json.routes.map(function (r) {
			return el('tr', { className: r.errors > 0 ? 'has-errors' : null }, [
				cell(r.method), cell(r.route, 'name'), cell(number(r.rate_per_second, 2), 'num'),
				cell(r.requests, 'num'), cell(r.errors, 'num'),
				cell(r.error_ratio === null ? '–' : number(r.error_ratio * 100, 1) + ' %', 'num'),
				cell(seconds(r.p50_seconds), 'num'), cell(seconds(r.p95_seconds), 'num'),
				cell(seconds(r.p99_seconds), 'num')
			]);
		});
		replace('routes-content', rows.length === 0 ? el('p', { className: 'muted', text: 'No requests recorded yet.' })
			: el('div', {}, [table(['Method', 'Route', 'Rate /s', 'Requests', '5xx', 'Errors', 'p50', 'p95', 'p99'], rows,
				'routes'), el('p', { className: 'muted', text: 'Window: ' + number(json.window_seconds, 0) + ' s.' })]));
	}

	// Traces by latency, spans of a cell, one trace as a waterfall

	function drawLatency(json) {
		var headers = ['Span name', 'Total'].concat(json.buckets.map(function (b) { return '≥ ' + b; }), ['Errors']);
		var rows = json.spans.map(function (row) {
			var cells = [cell(row.name, 'name'), cell(row.total, 'num')];
			row.counts.forEach(function (count, bucket) {
				cells.push(el('td', { className: 'num' }, [count === 0 ? el('span', { className: 'zero', text: '0' })
					: el('button', { type: 'button', className: 'cell', 'data-bucket': bucket, text: count,
						onclick: function () { showSpans(row.name, bucket, false); } })]));
			});
			cells.push(el('td', { className: 'num' }, [row.errors === 0 ? el('span', { className: 'zero', text: '0' })
				: el('button', { type: 'button', className: 'cell error', text: row.errors,
					onclick: function () { showSpans(row.name, null, true); } })]));
			return el('tr', { 'data-name': row.name }, cells);
		});
		var content = rows.length === 0 ? el('p', { className: 'muted', text: 'No spans in the buffer yet.' })
			: table(headers, rows, 'latency');
		var target = document.getElementById('traces-content');
		var spans = document.getElementById('cell-spans') || el('div', { id: 'cell-spans' });
		var waterfall = document.getElementById('waterfall') || el('div', { id: 'waterfall' });
		target.replaceChildren(content, spans, waterfall);
	}

	function showSpans(name, bucket, errorsOnly) {
		var query = '&name=' + encodeURIComponent(name) + (bucket === null ? '' : '&bucket=' + bucket);
		fetch(consoleData('spans', query), { cache: 'no-store', credentials: 'same-origin' }).then(function (response) {
			if (!response.ok) {
				throw new Error('HTTP ' + response.status);
			}
			return response.json();
		}).then(function (json) {
			var spans = json.traces.filter(function (s) { return !errorsOnly || s.status === 'error'; }).reverse();
			var rows = spans.map(function (s) {
				return el('tr', {}, [cell(s.start_time), cell(seconds(s.duration_seconds), 'num'), cell(status(s.status)),
					el('td', {}, [el('button', { type: 'button', className: 'link trace-link', text: s.trace_id,
						onclick: function () { showTrace(s.trace_id, true); } })])]);
			});
			replace('cell-spans', el('div', { className: 'panel' }, [
				el('h3', { text: name + (errorsOnly ? ': errors' : bucket === null ? '' : ': bucket ' + bucket) }),
				rows.length === 0 ? el('p', { className: 'muted', text: 'No such span in the buffer any more.' })
					: table(['Start', 'Duration', 'Status', 'Trace'], rows, 'spans')]));
		}).catch(function (error) { unavailable('cell-spans', error); });
	}

	function micros(time) {
		var match = /^(.*?)(?:\.(\d+))?Z$/.exec(time);
		if (!match) {
			return 0;
		}
		var fraction = ((match[2] || '') + '000000').slice(0, 6);
		return Date.parse(match[1] + 'Z') * 1000 + parseInt(fraction, 10);
	}

	function showTrace(traceId, scroll) {
		if (!data.tracesPath) {
			return;
		}
		var url = prefix + data.tracesPath + '?limit=100000&trace_id=' + encodeURIComponent(traceId);
		fetch(url, { cache: 'no-store', credentials: 'same-origin' }).then(function (response) {
			if (!response.ok) {
				throw new Error('HTTP ' + response.status);
			}
			return response.json();
		}).then(function (json) { drawWaterfall(traceId, json.traces, scroll); })
			.catch(function (error) { unavailable('waterfall', error); });
	}

	function drawWaterfall(traceId, spans, scroll) {
		var byId = {};
		spans.forEach(function (s) {
			s.startUs = micros(s.start_time);
			s.endUs = s.startUs + s.duration_seconds * 1e6;
			byId[s.span_id] = s;
		});
		function depth(s) {
			var d = 0;
			var seen = {};
			while (s.parent_span_id && byId[s.parent_span_id] && !seen[s.span_id] && d < 64) {
				seen[s.span_id] = true;
				s = byId[s.parent_span_id];
				d++;
			}
			return d;
		}
		spans.sort(function (a, b) { return a.startUs - b.startUs; });
		var start = Math.min.apply(null, spans.map(function (s) { return s.startUs; }));
		var end = Math.max.apply(null, spans.map(function (s) { return s.endUs; }));
		var total = Math.max(end - start, 1);
		var detail = el('div', { className: 'span-detail', id: 'span-detail' });
		var rows = spans.map(function (s) {
			var bar = el('div', { className: 'bar' + (s.status === 'error' ? ' error' : ''),
				title: s.name + ' ' + seconds(s.duration_seconds) });
			bar.style.left = ((s.startUs - start) / total * 100).toFixed(3) + '%';
			bar.style.width = Math.max((s.endUs - s.startUs) / total * 100, 0.2).toFixed(3) + '%';
			var label = el('div', { className: 'label' }, [el('span', { className: 'kind', text: s.kind }), ' ',
				el('span', { className: 'span-name', text: s.name })]);
			label.style.paddingLeft = (depth(s) * 1.2) + 'em';
			return el('div', { className: 'row span-row', 'data-span-id': s.span_id, tabindex: 0,
				onclick: function () { showAttributes(detail, s); } }, [label,
				el('div', { className: 'track' }, [bar]), el('div', { className: 'duration', text: seconds(s.duration_seconds) })]);
		});
		var link = null;
		var template = spans.length > 0 && spans[0].trace_url ? spans[0].trace_url
			: (data.traceUi ? data.traceUi.split('{trace_id}').join(encodeURIComponent(traceId)) : null);
		if (safeLink(template)) {
			link = el('a', { href: safeLink(template), rel: 'noopener noreferrer', target: '_blank',
				text: 'Open in the trace UI' });
		}
		replace('waterfall', el('div', { className: 'panel' }, [
			el('h3', { text: 'Trace ' + traceId + ' · ' + spans.length + ' spans · ' + seconds(total / 1e6) }), link,
			el('div', { className: 'waterfall' }, rows), detail]));
		if (scroll) {
			document.getElementById('waterfall').scrollIntoView();
		}
	}

	function showAttributes(target, span) {
		var attributes = span.attributes || {};
		var rows = [['name', span.name], ['span_id', span.span_id], ['parent_span_id', span.parent_span_id || '–'],
			['kind', span.kind], ['status', span.status], ['service', span.service], ['start_time', span.start_time],
			['duration', seconds(span.duration_seconds)]].concat(Object.keys(attributes).sort().map(function (key) {
			return [key, attributes[key]];
		})).map(function (pair) {
			return el('tr', {}, [el('th', { text: pair[0] }), cell(typeof pair[1] === 'object' ? JSON.stringify(pair[1]) : pair[1])]);
		});
		target.replaceChildren(el('table', { className: 'attributes' }, [el('tbody', {}, rows)]));
	}

	// Health checks with their transitions

	var history = {};

	function drawHealth(json) {
		var summary = document.getElementById('summary-health');
		summary.replaceChildren(status(json.status));
		var rows = Object.keys(json.checks).sort().map(function (name) {
			var c = json.checks[name];
			var transitions = (history[name] || []).slice(-5).map(function (t) {
				return el('li', {}, [t.at.replace('T', ' ').replace(/\.\d+Z$/, 'Z'), ' ', t.from ? status(t.from) : '–', ' → ',
					status(t.to)]);
			});
			return el('tr', { className: 'check check-' + String(c.status).replace(/[^a-z]/g, ''), 'data-check': name }, [
				cell(name, 'name'), cell(status(c.status)), cell(c.critical ? 'critical' : 'non-critical'),
				cell(c.duration_ms + ' ms', 'num'), cell(c.last_run || 'on demand'),
				cell(c.stale === true ? 'stale' : c.stale === false ? 'fresh' : '–'),
				cell(c.detail ? JSON.stringify(c.detail) : '', 'detail'),
				el('td', {}, [el('ul', { className: 'history' }, transitions)])
			]);
		});
		replace('checks-content', el('div', {}, [el('p', {}, ['Overall: ', status(json.status)]),
			table(['Check', 'Status', 'Critical', 'Duration', 'Last run', 'Staleness', 'Detail', 'Recent transitions'], rows,
				'checks')]));
	}

	// Security scorecard

	function list(title, items) {
		return el('div', { className: 'list' }, [el('h3', { text: title }), (items && items.length)
			? el('ul', {}, items.map(function (item) { return el('li', { text: typeof item === 'object' ? JSON.stringify(item) : item }); }))
			: el('p', { className: 'muted', text: 'None.' })]);
	}

	function drawScorecard(json) {
		var kpis = json.kpis || {};
		var threat = document.getElementById('summary-threat');
		if (kpis.threat_level !== null && kpis.threat_level !== undefined) {
			threat.replaceChildren(el('span', { className: 'threat threat-' + String(kpis.threat_level_status).replace(/[^a-z]/g, ''),
				text: kpis.threat_level + ' / 5' + (kpis.threat_level_status ? ' ' + kpis.threat_level_status : '') }));
		}
		var dimensions = Object.keys(json.dimensions || {}).map(function (name) {
			var d = json.dimensions[name];
			var subs = (d.sub_scores || []).map(function (s) {
				return el('li', {}, [s.kpi + ': ' + number(s.value, 1) + (s.unit ? ' ' + s.unit : '') + ' (target ' + s.target + ') ',
					status(s.status)]);
			});
			return el('tr', {}, [cell(name, 'name'), cell(d.insufficient_data ? 'insufficient data' : number(d.score, 1), 'num'),
				cell(number(d.weight * 100, 0) + ' %', 'num'), cell(status(d.status)), cell(d.explanation),
				el('td', {}, [el('ul', { className: 'subs' }, subs)])]);
		});
		replace('security-content', el('div', {}, [
			el('p', {}, ['Overall score: ', json.insufficient_data ? 'insufficient data' : number(json.overall_score, 1), ' ',
				status(json.overall_status), ' · threat level: ',
				kpis.threat_level === null || kpis.threat_level === undefined ? 'not set' : String(kpis.threat_level)]),
			table(['Dimension', 'Score', 'Weight', 'Status', 'Explanation', 'Sub-scores'], dimensions, 'dimensions'),
			el('div', { className: 'lists' }, [list('Strengths', json.strengths), list('Weaknesses', json.weaknesses),
				list('Recommendations', json.recommendations)])]));
	}

	// Polling: one request per tick for the console's own views (routes, latency, health
	// history), a bodiless 304 when none changed; /health and the scorecard, which compute on
	// each call and are served (and secured) by their own endpoints, every fifth tick or when
	// the history says a check changed.

	var drawn = {};

	// Whether a part of the poll differs from the one drawn last (a 200 says only that some
	// part changed): redrawing an unchanged table would reset what the user looks at.
	function changedPart(name, part) {
		var text = JSON.stringify(part);
		if (drawn[name] === text) {
			return false;
		}
		drawn[name] = text;
		return true;
	}

	function refresh(all) {
		var jobs = [];
		var changed = false;
		if (!data.tracesPath) {
			replace('traces-content', el('p', { className: 'muted', text: 'The traces endpoint is not exposed.' }));
		}
		jobs.push(getJson(consoleData('poll')).then(function (j) {
			if (!j) {
				return;
			}
			if (!j.routes) {
				replace('routes-content', el('p', { className: 'muted', text: 'HTTP metrics are disabled.' }));
			} else if (changedPart('routes', j.routes)) {
				drawRoutes(j.routes);
			}
			if (data.tracesPath && !j.latency) {
				replace('traces-content', el('p', { className: 'muted', text: 'Traces are disabled.' }));
			} else if (data.tracesPath && changedPart('latency', j.latency)) {
				drawLatency(j.latency);
			}
			if (j.health_history && changedPart('health_history', j.health_history)) {
				history = j.health_history.checks;
				changed = true;
			}
		}).catch(function (e) {
			unavailable('routes-content', e);
			if (data.tracesPath) {
				unavailable('traces-content', e);
			}
		}).then(function () {
			if (data.healthPath && (all || changed)) {
				return getJson(prefix + data.healthPath, 503).then(function (j) { if (j) { drawHealth(j); } })
					.catch(function (e) { unavailable('checks-content', e); });
			}
			if (!data.healthPath) {
				replace('checks-content', el('p', { className: 'muted', text: 'The health endpoint is not exposed.' }));
			}
		}));
		if (all) {
			if (data.scorecardPath) {
				jobs.push(getJson(prefix + data.scorecardPath).then(function (j) { if (j) { drawScorecard(j); } })
					.catch(function (e) { unavailable('security-content', e); }));
			} else {
				replace('security-content', el('p', { className: 'muted', text: 'The scorecard endpoint is not exposed.' }));
			}
		}
		return Promise.all(jobs).then(function () {
			document.getElementById('refreshed').textContent = 'Refreshed ' + new Date().toISOString().replace(/\.\d+Z$/, 'Z');
		});
	}

	function loop() {
		// A hidden tab does not poll at all.
		var run = document.hidden ? Promise.resolve() : refresh(tick % 5 === 0);
		tick++;
		run.then(function () {
			// A link to one trace (#trace=<id>) opens it once the tables are drawn.
			if (tick === 1 && wanted) {
				showTrace(wanted[1]);
			}
			setTimeout(loop, pollMs);
		});
	}

	var wanted = /[#&]trace=([0-9a-f]{32})/.exec(location.hash);
	loop();
	document.addEventListener('visibilitychange', function () {
		if (!document.hidden) {
			tick = 0;
		}
	});
})();
