#!/usr/bin/python3
"""The plain client of the efficiency benchmark: one Python requests.Session polling in a loop,
as a hand-written uptime poller would. Prints requests and the process's CPU seconds."""
import resource
import sys
import time

import requests

url, seconds = sys.argv[1], float(sys.argv[2])
session = requests.Session()
n = ok = 0
end = time.monotonic() + seconds
while time.monotonic() < end:
    r = session.get(url, timeout=10)
    n += 1
    ok += r.status_code == 200
    r.headers.get("x-openstack-request-id")
usage = resource.getrusage(resource.RUSAGE_SELF)
print(f"PYTHON requests={n} ok={ok} seconds={seconds} cpu={usage.ru_utime + usage.ru_stime:.2f}")
