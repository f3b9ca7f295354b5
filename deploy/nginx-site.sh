#!/bin/sh
# Traffic Light Reference: write nginx's configuration for one proxy container
# from the shipped deploy/nginx.conf and deploy/nginx-main.conf.
#
# The proxy image (deploy/Dockerfile, target "proxy") runs this from
# /docker-entrypoint.d/ before nginx starts, so compose and Kubernetes serve
# the very files that tests/browser/test_proxy.py runs. Like that test, it
# changes only where the replicas are and how nginx listens; every header,
# limit, log format and location stays as shipped
# (tests/unit/test_production_config.py checks the difference line by line).
#
# Settings (environment):
#   TRAFFIC_LIGHT_UPSTREAM   fixed replica addresses, e.g. "127.0.0.1:8501"
#                            (Kubernetes: Streamlit in the same pod), or
#   TRAFFIC_LIGHT_REPLICAS   a count N (compose): replicas NAME-1 ... NAME-N,
#                            found by name through Docker's DNS and looked up
#                            again every 10 s ("resolve", nginx 1.27.3 or later)
#   TRAFFIC_LIGHT_REPLICA_NAME  NAME above (default traffic-light-app, the
#                            container names compose gives project
#                            "traffic-light", service "app")
#   TRAFFIC_LIGHT_RESOLVER   the DNS server for "resolve" (default Docker's, 127.0.0.11)
#   TRAFFIC_LIGHT_LISTEN     the port for plain HTTP (default 80)
#   TRAFFIC_LIGHT_TLS_DIR    a folder with fullchain.pem and privkey.pem: serve
#                            HTTPS on TRAFFIC_LIGHT_TLS_PORT (default 443) with
#                            HSTS, and make the plain port only redirect to it
#   TRAFFIC_LIGHT_NGINX_WORKERS  worker_processes (default auto: one per CPU
#                            nginx sees, which in a pod is every core of the node)
#   TRAFFIC_LIGHT_NGINX_SOURCE  where the shipped files are (default /etc/traffic-light)
#   TRAFFIC_LIGHT_NGINX_OUT  where to write nginx.conf and site.conf (default
#                            /run/traffic-light); nginx is started with -c OUT/nginx.conf
set -eu

src=${TRAFFIC_LIGHT_NGINX_SOURCE:-/etc/traffic-light}
out=${TRAFFIC_LIGHT_NGINX_OUT:-/run/traffic-light}
upstream=${TRAFFIC_LIGHT_UPSTREAM:-}
replicas=${TRAFFIC_LIGHT_REPLICAS:-}
name=${TRAFFIC_LIGHT_REPLICA_NAME:-traffic-light-app}
resolver=${TRAFFIC_LIGHT_RESOLVER:-127.0.0.11}
listen=${TRAFFIC_LIGHT_LISTEN:-80}
tls=${TRAFFIC_LIGHT_TLS_DIR:-}
tls_port=${TRAFFIC_LIGHT_TLS_PORT:-443}
workers=${TRAFFIC_LIGHT_NGINX_WORKERS:-auto}

fail() {
    echo "traffic-light: $*" >&2
    exit 1
}

if [ -n "$upstream" ] && [ -n "$replicas" ]; then
    fail "set TRAFFIC_LIGHT_UPSTREAM or TRAFFIC_LIGHT_REPLICAS, not both"
fi
if [ -z "$upstream" ] && [ -z "$replicas" ]; then
    fail "set TRAFFIC_LIGHT_UPSTREAM (addresses) or TRAFFIC_LIGHT_REPLICAS (a count)"
fi
case "$replicas" in
    "") ;;
    *[!0-9]* | 0*) fail "TRAFFIC_LIGHT_REPLICAS must be a whole number from 1, not '$replicas'" ;;
esac
if [ -n "$tls" ]; then
    for file in fullchain.pem privkey.pem; do
        [ -r "$tls/$file" ] || fail "TRAFFIC_LIGHT_TLS_DIR=$tls has no readable $file (docs/deploy.md, TLS)"
    done
fi
[ -r "$src/nginx.conf" ] && [ -r "$src/nginx-main.conf" ] || fail "no nginx.conf and nginx-main.conf in $src"

mkdir -p "$out"
site="$out/site.conf"
main="$out/nginx.conf"

# The site: the shipped file line by line, with the replica lines and the
# listen line replaced. The shipped replica lines read
# "server appN:8501 max_fails=3 fail_timeout=10s;": their parameters are kept.
replaced_replicas=0
replaced_listen=0
{
    while IFS= read -r line || [ -n "$line" ]; do
        # The line without its indent, so that comments never match.
        trimmed=${line#"${line%%[! 	]*}"}
        case "$trimmed" in
            "server app"[0-9]*":8501"*";"*)
                if [ "$replaced_replicas" = 0 ]; then
                    indent=${line%%server*}
                    rest=${line#*:8501}
                    rest=${rest%;*}
                    if [ -n "$upstream" ]; then
                        for address in $upstream; do
                            printf '%sserver %s%s;\n' "$indent" "$address" "$rest"
                        done
                    else
                        printf '%szone traffic_light_replicas 1m;\n' "$indent"
                        printf '%sresolver %s valid=10s ipv6=off;\n' "$indent" "$resolver"
                        i=1
                        while [ "$i" -le "$replicas" ]; do
                            printf '%sserver %s-%s:8501 resolve%s;\n' "$indent" "$name" "$i" "$rest"
                            i=$((i + 1))
                        done
                    fi
                fi
                replaced_replicas=$((replaced_replicas + 1))
                ;;
            "listen 80;"*)
                indent=${line%%listen*}
                if [ -n "$tls" ]; then
                    printf '%slisten %s ssl;\n' "$indent" "$tls_port"
                    printf '%sssl_certificate     %s/fullchain.pem;\n' "$indent" "$tls"
                    printf '%sssl_certificate_key %s/privkey.pem;\n' "$indent" "$tls"
                    printf '%sssl_protocols TLSv1.2 TLSv1.3;\n' "$indent"
                    printf '%sadd_header Strict-Transport-Security "max-age=31536000" always;\n' "$indent"
                else
                    printf '%slisten %s;\n' "$indent" "$listen"
                fi
                replaced_listen=$((replaced_listen + 1))
                ;;
            *)
                printf '%s\n' "$line"
                ;;
        esac
    done <"$src/nginx.conf"
    if [ -n "$tls" ]; then
        # Plain HTTP only sends the browser to HTTPS (where the replica cookie,
        # being Secure, is kept); nothing is proxied on it.
        printf '\nserver {\n'
        printf '    listen %s;\n' "$listen"
        printf '    server_name _;\n'
        printf '    server_tokens off;\n'
        printf '    access_log /var/log/nginx/access.log traffic_light_private;\n'
        printf '    error_log /var/log/nginx/error.log crit;\n'
        if [ "$tls_port" = 443 ]; then
            printf '    return 301 https://$host$request_uri;\n'
        else
            printf '    return 301 https://$host:%s$request_uri;\n' "$tls_port"
        fi
        printf '}\n'
    fi
} >"$site.new"

[ "$replaced_replicas" -ge 1 ] || fail "$src/nginx.conf has no 'server appN:8501' line to replace"
[ "$replaced_listen" = 1 ] || fail "$src/nginx.conf must have exactly one 'listen 80;' line"

# The main context: as shipped, with the site above included and the worker count set.
sed -e "s|include /etc/nginx/conf.d/\*\.conf;|include $site;|" \
    -e "s|^worker_processes auto;|worker_processes $workers;|" \
    "$src/nginx-main.conf" >"$main.new"
grep -q "include $site;" "$main.new" || fail "$src/nginx-main.conf no longer includes /etc/nginx/conf.d/*.conf"

mv "$site.new" "$site"
mv "$main.new" "$main"
if [ -n "$upstream" ]; then
    echo "traffic-light: nginx site written to $site for $upstream"
else
    echo "traffic-light: nginx site written to $site for $replicas replicas ($name-1 to $name-$replicas)"
fi
