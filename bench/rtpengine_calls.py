#!/usr/bin/env python3
"""Sets up N relayed calls in rtpengine over its ng control protocol (bencode over UDP), for
bench/run_bridge's peer run.

usage: rtpengine_calls.py NG_PORT PORTS_FILE TARGETS_FILE
PORTS_FILE has "CALLER_PORT AGENT_PORT" per call (rtp_blaster's sockets). For each call: an
offer with the caller's SDP, then an answer with the agent's; rtpengine hands back the port the
caller must send to (in the SDP for the caller), written one a line to TARGETS_FILE.
"""
import os
import re
import socket
import sys


def bencode(value):
    if isinstance(value, int):
        return b"i%de" % value
    if isinstance(value, str):
        value = value.encode()
    if isinstance(value, bytes):
        return b"%d:%s" % (len(value), value)
    if isinstance(value, list):
        return b"l" + b"".join(bencode(v) for v in value) + b"e"
    if isinstance(value, dict):
        return b"d" + b"".join(bencode(k) + bencode(value[k]) for k in sorted(value)) + b"e"
    raise TypeError(value)


def bdecode(data, i=0):
    c = data[i:i + 1]
    if c == b"i":
        end = data.index(b"e", i)
        return int(data[i + 1:end]), end + 1
    if c in (b"l", b"d"):
        i += 1
        items = []
        while data[i:i + 1] != b"e":
            item, i = bdecode(data, i)
            items.append(item)
        if c == b"l":
            return items, i + 1
        return {items[k].decode(): items[k + 1] for k in range(0, len(items), 2)}, i + 1
    colon = data.index(b":", i)
    length = int(data[i:colon])
    return data[colon + 1:colon + 1 + length], colon + 1 + length


def sdp(port):
    return ("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            f"m=audio {port} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n")


def main():
    ng_port, ports_file, targets_file = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.settimeout(5)
    sock.connect(("127.0.0.1", ng_port))
    counter = 0

    def command(body):
        nonlocal counter
        counter += 1
        cookie = b"%d_%d" % (os.getpid(), counter)
        sock.send(cookie + b" " + bencode(body))
        reply = sock.recv(65536)
        got_cookie, _, payload = reply.partition(b" ")
        assert got_cookie == cookie, reply
        result, _ = bdecode(payload)
        if result.get("result") != b"ok":
            raise SystemExit(f"rtpengine_calls: {body['command']} failed: {result}")
        return result

    targets = []
    for n, line in enumerate(open(ports_file)):
        caller, agent = (int(x) for x in line.split())
        call_id = f"bench-{n}"
        command({"command": "offer", "call-id": call_id, "from-tag": "caller", "sdp": sdp(caller),
                 "ICE": "remove"})
        answered = command({"command": "answer", "call-id": call_id, "from-tag": "caller",
                            "to-tag": "agent", "sdp": sdp(agent), "ICE": "remove"})
        port = re.search(rb"m=audio (\d+)", answered["sdp"])
        targets.append(port.group(1).decode())
    with open(targets_file + ".tmp", "w") as out:
        out.write("\n".join(targets) + "\n")
    os.rename(targets_file + ".tmp", targets_file)
    print(f"rtpengine_calls: {len(targets)} calls set up")


if __name__ == "__main__":
    main()
