# Shared set-up for bin/demo and bin/test: make a fresh clone ready, installing only what is missing.
ensure_node_modules() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "Installing npm packages (npm ci)…"
    npm ci --no-audit --no-fund
  fi
}

ensure_browsers() {
  local missing=()
  command -v "${CHROMIUM_PATH:-chromium}" >/dev/null 2>&1 || missing+=(chromium)
  command -v "${FIREFOX_PATH:-firefox-esr}" >/dev/null 2>&1 || missing+=(firefox-esr)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing ${missing[*]} from Debian's packages…"
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { echo "Could not install ${missing[*]}: install them with apt-get, or set CHROMIUM_PATH / FIREFOX_PATH." >&2; exit 1; }
}
