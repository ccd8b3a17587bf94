"""PyKMIP client life cycle against the embedded server (driven by pykmip_test.go).

Usage: client_lifecycle.py HOST PORT CERT KEY CA VERSION   (VERSION e.g. KMIP_1_2)
Prints one "step: result" line per step; exits non-zero on the first failure.
"""
import sys

from kmip.core import enums
from kmip.core.factories import attributes
from kmip.pie import client, objects

host, port, cert, key, ca, version = sys.argv[1:7]
c = client.ProxyKmipClient(
    hostname=host, port=int(port), cert=cert, key=key, ca=ca,
    kmip_version=getattr(enums.KMIPVersion, version))
with c:
    uid = c.create(enums.CryptographicAlgorithm.AES, 256, name="pykmip-key")
    print("create:", uid)
    key = c.get(uid)
    print("get:", len(key.value))
    assert len(key.value) == 32, "want 32 bytes of key material"
    found = c.locate(attributes=[attributes.AttributeFactory().create_attribute(
        enums.AttributeType.NAME, "pykmip-key")])
    print("locate:", ",".join(found))
    assert uid in found
    attrs = c.get_attributes(uid, ["State"])
    print("state:", attrs[1][0].attribute_value.value.name)
    c.activate(uid)
    print("activate: ok")
    c.revoke(enums.RevocationReasonCode.CESSATION_OF_OPERATION, uid)
    print("revoke: ok")
    c.destroy(uid)
    print("destroy: ok")
    try:
        c.get(uid)
    except Exception as e:  # noqa: BLE001 - PyKMIP raises KmipOperationFailure
        print("get-after-destroy:", getattr(e, "reason", e))
    else:
        sys.exit("get after destroy succeeded")
    sid = c.register(objects.SecretData(b"\x01" * 32, enums.SecretDataType.PASSWORD))
    print("register-secret:", sid)
    assert len(c.get(sid).value) == 32
    c.destroy(sid)
    print("done")
