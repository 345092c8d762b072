#!/usr/bin/env python3
"""Start-up to first answered request: startup.py PORT PATH REPEATS -- COMMAND...

Starts COMMAND, polls GET PATH on 127.0.0.1:PORT until it answers 200, kills the server, and
prints the median of REPEATS runs in milliseconds. The poll is a tight connect loop (no sleep
longer than 0.5 ms) so the figure is the server's, not the poller's.
"""
import socket
import statistics
import subprocess
import sys
import time


def answered(port: int, path: str) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
            return s.recv(64).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


def once(port: int, path: str, command: list[str]) -> float:
    start = time.perf_counter()
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = start + 30
        while time.perf_counter() < deadline:
            if answered(port, path):
                return (time.perf_counter() - start) * 1000
            if server.poll() is not None:
                sys.exit(f"startup: server exited with {server.returncode}: {' '.join(command)}")
            time.sleep(0.0005)
        sys.exit(f"startup: no answer within 30 s: {' '.join(command)}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def main() -> None:
    port, path, repeats = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    command = sys.argv[sys.argv.index("--") + 1:]
    times = [once(port, path, command) for _ in range(repeats)]
    print(f"{statistics.median(times):.1f}")


if __name__ == "__main__":
    main()
