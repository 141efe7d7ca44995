#!/usr/bin/env python3
"""Fetches a fixed set of pages from a built checkout and writes them to a folder, so that a
refactoring can be checked to answer byte for byte as before (issue 13).

  scripts/page-snapshots.py seed   --checkout DIR --db FILE             # a demo registry, once
  scripts/page-snapshots.py crawl  --checkout DIR --db FILE --out DIR   # pages of a copy of it
  diff -r BEFORE AFTER

`seed` starts the app on an empty SQLite file with fixed passwords, lets it create the synthetic
demo registry, and stops it. `crawl` starts the app of a checkout (built in Release) on a copy of
that file, signs in as the administrator and as the portal demo patient, and follows every GET
link from the staff, portal and public start pages, breadth first in sorted order, up to --limit
pages, so both runs fetch the same addresses. What legitimately differs between two runs is
normalised: antiforgery tokens, when the outcome figures were computed, and the audit trail's own times on /staff/audit.
Uses only Python's standard library and the checkout's `dotnet run`.
"""
import argparse, http.cookiejar, os, re, shutil, signal, subprocess, sys, tempfile, time, urllib.parse, urllib.request
from html.parser import HTMLParser

ADMIN_EMAIL = "admin@celltherapycenter.local"
PASSWORD = "Snapshot-password-1234"
PORTAL_EMAIL = "portal-demo@celltherapycenter.local"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("href", "src"):
            if tag in ("a", "img", "link") and a.get(key):
                self.links.append(a[key])


def start_app(checkout, db, port, keys):
    env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Production", Database__Provider="Sqlite",
               Database__SqlitePath=db, Admin__Email=ADMIN_EMAIL, Admin__Password=PASSWORD,
               Demo__PortalPassword=PASSWORD, DataProtection__KeysPath=keys,
               FollowUp__SchedulerEnabled="false", RateLimits__SignInPerMinute="1000")
    log = open(db + f".{port}.log", "w")
    proc = subprocess.Popen(["dotnet", "run", "--no-build", "-c", "Release", "--project", "src/CellTherapyCenter.Web",
                             "--", "--urls", f"http://127.0.0.1:{port}"], cwd=checkout, env=env, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.time() + 600
    while time.time() < deadline:
        if proc.poll() is not None:
            sys.exit(f"the app exited with {proc.returncode}; see {log.name}")
        try:
            if urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5).status == 200:
                return proc
        except Exception:
            time.sleep(1)
    sys.exit("the app did not answer /health")


def stop_app(proc):
    os.killpg(proc.pid, signal.SIGINT)
    try:
        proc.wait(60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def opener():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())


def fetch(op, url, data=None):
    try:
        r = op.open(url, data=data, timeout=120)
        return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def sign_in(op, base, path, email):
    _, _, body = fetch(op, base + path)
    token = re.search(rb'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', body).group(1).decode()
    data = urllib.parse.urlencode({"Email": email, "Password": PASSWORD, "__RequestVerificationToken": token}).encode()
    status, headers, _ = fetch(op, base + path, data)
    if status != 302:
        sys.exit(f"sign-in at {path} answered {status}")


def normalise(path, body):
    body = re.sub(rb'(name="__RequestVerificationToken" type="hidden" value=")[^"]+', rb"\1TOKEN", body)
    # When a figure was computed, and how long it took, differs from run to run.
    body = re.sub(rb"(Counted from the registry on [^,]+, )\d{2}:\d{2}", rb"\1TIME", body)
    body = re.sub(rb"computed \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC in [\d.]+ s", b"computed TIME", body)
    if path.startswith("/staff/audit"):
        body = re.sub(rb"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?", b"TIME", body)
    return body


def crawl(op, base, starts, prefixes, limit, out):
    seen, queue, fetched = set(starts), sorted(starts), 0
    while queue and fetched < limit:
        path = queue.pop(0)
        status, headers, body = fetch(op, base + path)
        fetched += 1
        name = re.sub(r"[^A-Za-z0-9._-]", "_", path.strip("/")) or "root"
        with open(os.path.join(out, name[:200]), "wb") as f:
            f.write(f"{status} {headers.get('Content-Type')}\n".encode() + normalise(path, body))
        if "text/html" not in (headers.get("Content-Type") or ""):
            continue
        parser = Links()
        parser.feed(body.decode("utf-8", "replace"))
        found = set()
        for link in parser.links:
            u = urllib.parse.urlsplit(urllib.parse.urljoin(base + path, link))
            if u.netloc != urllib.parse.urlsplit(base).netloc:
                continue
            p = u.path + ("?" + u.query if u.query else "")
            if any(p.startswith(x) for x in prefixes) and not re.search(r"logout|sign-out", p) and p not in seen:
                found.add(p)
        seen |= found
        queue.extend(sorted(found))
    return fetched


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["seed", "crawl"])
    ap.add_argument("--checkout", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--out")
    ap.add_argument("--port", type=int, default=5390)
    ap.add_argument("--limit", type=int, default=600)
    a = ap.parse_args()
    keys = os.path.abspath(a.db) + ".keys"
    if a.mode == "seed":
        for p in (a.db, a.db + "-wal", a.db + "-shm"):
            if os.path.exists(p): os.remove(p)
        stop_app(start_app(a.checkout, os.path.abspath(a.db), a.port, keys))
        return
    work = tempfile.mkdtemp(prefix="ctc-snap-")
    db = os.path.join(work, "registry.db")
    shutil.copy(a.db, db)
    os.makedirs(a.out, exist_ok=True)
    app = start_app(a.checkout, db, a.port, keys)
    try:
        base = f"http://127.0.0.1:{a.port}"
        for part in ("public", "staff", "portal"):
            os.makedirs(os.path.join(a.out, part), exist_ok=True)
        public_starts = ["/", "/als", "/treatment", "/outcomes", "/cases", "/publications", "/patents", "/contact",
                         "/request-information", "/?culture=uk", "/?culture=sr-Latn"]
        n = crawl(opener(), base, public_starts, ["/"], 80, os.path.join(a.out, "public"))
        staff = opener()
        sign_in(staff, base, "/staff/login", ADMIN_EMAIL)
        n += crawl(staff, base, ["/staff", "/staff/patients"], ["/staff", "/api"], a.limit, os.path.join(a.out, "staff"))
        portal = opener()
        sign_in(portal, base, "/portal/sign-in", PORTAL_EMAIL)
        n += crawl(portal, base, ["/portal"], ["/portal"], 60, os.path.join(a.out, "portal"))
        print(f"{n} pages in {a.out}")
    finally:
        stop_app(app)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
