#!/usr/bin/env bash
# Rebuilds the page's vendored bundle: runtime/Host/Page/web (Lit, uPlot, esbuild — versions pinned in its
# package.json and package-lock.json) → runtime/Host/Page/assets/{poh-page.js,uplot.min.css}. The brain embeds those
# files, so `dotnet build` needs no npm; run this after changing web/src or the pinned versions, and commit the result.
set -euo pipefail
web="$(cd "$(dirname "$0")/../runtime/Host/Page/web" && pwd)"
assets="$web/../assets"
cd "$web"
npm ci --silent --no-audit --no-fund
version() { node -p "require('./node_modules/$1/package.json').version"; }
lit=$(version lit); uplot=$(version uplot); esbuild=$(version esbuild)
banner="/*! poh-page bundle: lit ${lit}, uplot ${uplot}; built by esbuild ${esbuild} from runtime/Host/Page/web (scripts/build-page.sh). lit: BSD-3-Clause; uplot: MIT. */"
npx --no-install esbuild src/poh-page.js --bundle --format=esm --minify --target=es2021 \
  --legal-comments=none --banner:js="$banner" --outfile="$assets/poh-page.js" --log-level=warning
{ echo "/*! uplot ${uplot} (MIT) dist/uPlot.min.css */"; cat node_modules/uplot/dist/uPlot.min.css; echo; } > "$assets/uplot.min.css"
wc -c "$assets"/* | sed 's/^/  /'
