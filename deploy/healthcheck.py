"""Container health check: exit 0 when the app on this container answers "ok".

Used by the Dockerfile's HEALTHCHECK (python is already in the image, so no
curl is needed). Reads the port the app listens on from STREAMLIT_SERVER_PORT.
"""

import os
import sys
import urllib.request

port = os.environ.get("STREAMLIT_SERVER_PORT", "8501")
url = f"http://127.0.0.1:{port}/_stcore/health"
# An empty ProxyHandler: an HTTP(S)_PROXY set for the container must not
# send this loopback request somewhere else.
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
try:
    with opener.open(url, timeout=4) as response:
        healthy = response.status == 200 and response.read().strip() == b"ok"
except OSError as error:
    print(f"unhealthy: {url}: {error}", file=sys.stderr)
    sys.exit(1)
sys.exit(0 if healthy else 1)
