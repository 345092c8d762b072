#!/usr/bin/env python3
"""Idle keep-alive connections: idle_connections.py PORT PID COUNT PROBE_PATH

Opens COUNT connections to 127.0.0.1:PORT, sends one keep-alive GET /healthz on each and reads
its answer (so each is a real, served keep-alive connection), then holds them all idle. While
they are held it reads the server's RSS from /proc/PID/status, asks PROBE_PATH on a fresh
connection, and asks again on a sample of the held ones. Prints key=value lines.
"""
import resource
import selectors
import socket
import sys
import time

REQUEST = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


def status_kb(pid: int, key: str) -> int:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def read_response(sock: socket.socket, deadline: float) -> bytes:
    """Reads one response with Content-Length (all our answers have one)."""
    data = b""
    while time.monotonic() < deadline:
        head_end = data.find(b"\r\n\r\n")
        if head_end >= 0:
            length = 0
            for line in data[:head_end].split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value.strip())
            if len(data) >= head_end + 4 + length:
                return data[: head_end + 4 + length]
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


def open_all(port: int, count: int) -> list[socket.socket]:
    """Connects and serves one request per socket, in batches so the listen backlog never overflows."""
    held: list[socket.socket] = []
    batch = 500
    while len(held) < count:
        group = []
        for _ in range(min(batch, count - len(held))):
            s = socket.create_connection(("127.0.0.1", port), timeout=30)
            s.sendall(REQUEST)
            group.append(s)
        sel = selectors.DefaultSelector()
        pending = {}
        for s in group:
            s.setblocking(False)
            sel.register(s, selectors.EVENT_READ)
            pending[s] = b""
        deadline = time.monotonic() + 30
        while pending and time.monotonic() < deadline:
            for key, _ in sel.select(timeout=1):
                s = key.fileobj
                chunk = s.recv(65536)
                if not chunk:
                    sys.exit(f"idle: server closed a connection after {len(held)} held")
                pending[s] += chunk
                head_end = pending[s].find(b"\r\n\r\n")
                if head_end >= 0 and pending[s].startswith(b"HTTP/1.1 200"):
                    sel.unregister(s)
                    del pending[s]
                elif head_end >= 0:
                    sys.exit(f"idle: answer {pending[s][:40]!r} after {len(held)} held")
        if pending:
            sys.exit(f"idle: {len(pending)} connections unanswered after {len(held)} held")
        sel.close()
        for s in group:
            s.setblocking(True)
            s.settimeout(10)
        held.extend(group)
    return held


def main() -> None:
    port, pid, count, probe = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    if hard < count + 100:
        sys.exit(f"idle: RLIMIT_NOFILE hard limit {hard} is below {count + 100}")
    rss_before = status_kb(pid, "VmRSS")
    start = time.monotonic()
    held = open_all(port, count)
    opened_s = time.monotonic() - start
    time.sleep(1)  # lets the server settle so RSS is what it holds, not what it is still allocating
    rss_held = status_kb(pid, "VmRSS")

    t0 = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as probe_socket:
        probe_socket.sendall(f"GET {probe} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        answer = read_response(probe_socket, time.monotonic() + 10)
    probe_ms = (time.perf_counter() - t0) * 1000
    status_line = answer.split(b"\r\n", 1)[0].decode(errors="replace")

    sample = held[:: max(1, len(held) // 100)]
    alive = 0
    for s in sample:
        try:
            s.sendall(REQUEST)
            if read_response(s, time.monotonic() + 10).startswith(b"HTTP/1.1 200"):
                alive += 1
        except OSError:
            pass
    for s in held:
        s.close()
    print(f"held={len(held)}")
    print(f"open_seconds={opened_s:.1f}")
    print(f"rss_before_mb={rss_before / 1024:.1f}")
    print(f"rss_held_mb={rss_held / 1024:.1f}")
    print(f"probe_status={status_line}")
    print(f"probe_ms={probe_ms:.1f}")
    print(f"sample_alive={alive}/{len(sample)}")


if __name__ == "__main__":
    main()
