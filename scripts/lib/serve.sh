# Sourced by the check scripts: `serve_on_free_port NAME` starts the debug build's server on a
# free loopback port with the embedded data, stops it (and removes $work) on exit, and sets
# `base` to its URL. Fails, naming NAME and showing the server's log, if it exits or never listens.
serve_on_free_port() {
  local name=$1 log
  BIN=${BIN:-$(swift build --show-bin-path)/careers-api}
  [ -x "$BIN" ] || swift build --product careers-api >&2
  work=${work:-$(mktemp -d)}
  log=$work/server.log
  "$BIN" serve --host 127.0.0.1 --port 0 --no-access-log >"$log" 2>&1 &
  server_pid=$!
  trap 'kill $server_pid 2>/dev/null; wait $server_pid 2>/dev/null || true; rm -rf "$work"' EXIT
  local port=""
  for _ in $(seq 1 100); do
    port=$(sed -n 's|.*listening on http://[^ ]*:\([0-9]*\)$|\1|p' "$log" | head -1)
    [ -n "$port" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$log" >&2; echo "$name: the server exited" >&2; exit 1; }
    sleep 0.1
  done
  [ -n "$port" ] || { cat "$log" >&2; echo "$name: the server did not start" >&2; exit 1; }
  base=http://127.0.0.1:$port
}
