"""Create+Get pairs of element-bench table's KMIP figure (PyKMIP client).

Usage: pykmip_pairs.py HOST PORT CERT KEY CA SECONDS

Opens one mutual-TLS connection, does one untimed Create+Get, then Create
(AES-256) + Get pairs for SECONDS on the same connection, and prints
"pairs N seconds S cpu C" (C: this client's own CPU seconds meanwhile).
element-bench runs this same script against the embedded server and
pykmip-server, so both are driven by the same client.
"""
import sys
import time

from kmip.core import enums
from kmip.pie import client

host, port, cert, key, ca, seconds = sys.argv[1:7]
c = client.ProxyKmipClient(hostname=host, port=int(port), cert=cert, key=key, ca=ca)


def pair():
    uid = c.create(enums.CryptographicAlgorithm.AES, 256)
    if len(c.get(uid).value) != 32:
        sys.exit("Get returned key material that is not 32 bytes")


with c:
    pair()
    n = 0
    began, cpu = time.perf_counter(), time.process_time()
    deadline = began + float(seconds)
    while True:
        pair()
        n += 1
        now = time.perf_counter()
        if now >= deadline:
            break
    print("pairs %d seconds %.6f cpu %.6f" % (n, now - began, time.process_time() - cpu))
