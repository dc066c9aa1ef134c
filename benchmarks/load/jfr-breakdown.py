#!/usr/bin/env python3
"""What the CPU of one load-run variant is made of, from the JFR recording ab.sh writes.

Usage: benchmarks/load/jfr-breakdown.py benchmarks/target/load/mvc-full.jfr

Prints the share of the CPU per thread group (jdk.ThreadCPULoad averaged per thread) and,
for the request threads (Tomcat exec threads, Reactor Netty event loops), the share of
execution samples that pass through each library and each of our methods (inclusive) and
the top leaf packages and methods (self).
Where ab.sh left the variant's measured windows beside the recording (mvc-full.ranges), only
the events inside them count, not those of the warm-up.
"""
import collections
import datetime
import json
import os
import subprocess
import sys

f = sys.argv[1]
ranges_file = f[:-len('.jfr')] + '.ranges'
# Measured windows as local times of day, 'HH:MM:SS.mmm', as ab.sh writes them.
ranges = [tuple(line.split()) for line in open(ranges_file)] if os.path.exists(ranges_file) else None

def measured(e):
    if ranges is None: return True
    s = e['values']['startTime']  # UTC, e.g. 2026-12-02T19:35:13.272190204Z
    t = datetime.datetime.strptime(s[:19], '%Y-%m-%dT%H:%M:%S').replace(tzinfo=datetime.timezone.utc)
    t = t.astimezone().strftime('%H:%M:%S') + s[19:23]
    return any((a <= t <= b) if a <= b else (t >= a or t <= b) for a, b in ranges)

def events(name, depth=64):
    run=subprocess.run(['jfr','print','--json','--stack-depth',str(depth),'--events',name,f],capture_output=True,text=True)
    if run.returncode != 0:
        sys.exit('jfr print cannot read %s: %s' % (f, (run.stderr or run.stdout).strip()))
    out=run.stdout
    return [e for e in json.loads(out)['recording']['events'] if measured(e)]
def group(t):
    t=t or '?'
    if 'exec' in t or 'reactor-http-epoll' in t or 'reactor-http-nio' in t: return 'request threads'
    if 'C2 Compiler' in t or 'C1 Compiler' in t: return 'JIT '+t.split()[0]
    if t.startswith('observability-log'): return 'access-line writer'
    if 'BatchSpanProcessor' in t: return 'span export batcher'
    if 'Poller' in t or 'Acceptor' in t or 'http-nio' in t: return 'Tomcat poller/acceptor'
    return 'other'
# per-thread CPU: average of ThreadCPULoad per thread, summed per group
load=collections.defaultdict(list)
for e in events('jdk.ThreadCPULoad',1):
    v=e['values']; t=v['eventThread']['javaName'] if v.get('eventThread') else (v.get('eventThread') or '?')
    load[t].append(v['user']+v['system'])
grp=collections.Counter()
for t,vals in load.items(): grp[group(t)]+=sum(vals)/len(vals)
tot=sum(grp.values())
if not tot:
    sys.exit('%s holds no jdk.ThreadCPULoad events in the measured windows: record with benchmarks/load/recording.jfc' % f)
print('per-thread CPU share (jdk.ThreadCPULoad, averaged):')
for k,v in grp.most_common(): print('  %-26s %5.1f%%'%(k,100*v/tot))
# execution samples of request threads by inclusive library
keys=[('ours (dev.aisd)','dev/aisd/'),('logging (logback/logstash)','ch/qos/logback/'),('logging (logback/logstash)','net/logstash/'),
      ('Micrometer core/Prometheus','io/micrometer/core/'),('Micrometer core/Prometheus','io/prometheus/'),('Micrometer tracing bridge','io/micrometer/tracing/'),
      ('OpenTelemetry','io/opentelemetry/'),('Micrometer observation','io/micrometer/observation/'),('Reactor context propagation','io/micrometer/context/')]
n=0; inc=collections.Counter(); top=collections.Counter(); ours=collections.Counter(); leaves=collections.Counter()
# Reactor's and Netty's stacks are deep: 256 frames keep the filters near the bottom.
for e in events('jdk.ExecutionSample', 256):
    v=e['values']; t=v['sampledThread']['javaName']
    if group(t)!='request threads': continue
    n+=1
    frames=v['stackTrace']['frames']
    fr=[x['method']['type']['name'] for x in frames]
    for m in {x['method']['type']['name'].split('/')[-1]+'.'+x['method']['name'] for x in frames if x['method']['type']['name'].startswith('dev/aisd/')}:
        ours[m]+=1
    seen=set()
    for label,pre in keys:
        if label in seen: continue
        if any(x.startswith(pre) for x in fr): seen.add(label); inc[label]+=1
    # self frame: its package and its method
    if frames:
        top['/'.join(fr[0].split('/')[:3])]+=1
        leaves[fr[0].split('/')[-1]+'.'+frames[0]['method']['name']]+=1
if not n:
    sys.exit('%s holds no jdk.ExecutionSample events of request threads in the measured windows' % f)
print('request-thread execution samples: %d'%n)
for k,v in inc.most_common(): print('  %-30s %5.1f%% (inclusive)'%(k,100*v/n))
print('  our methods (inclusive):', ', '.join('%s %.1f%%'%(k,100*v/n) for k,v in ours.most_common(12)))
print('  top leaf packages:', ', '.join('%s %.1f%%'%(k,100*v/n) for k,v in top.most_common(8)))
print('  top leaf methods:', ', '.join('%s %.1f%%'%(k,100*v/n) for k,v in leaves.most_common(15)))
