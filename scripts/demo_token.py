"""A personal API token of the demo's editor, made through the account page as a person would:
sign in, open the account page, create a named token, read it off the page. Shared by the checks
that talk to a served demo over the API (scripts/api-fuzz.py, scripts/probe-replay.py)."""
import html, http.cookiejar, re, urllib.parse, urllib.request


def editor_token(base, name):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def page(path, form=None):
        data = urllib.parse.urlencode(form).encode() if form else None
        with opener.open(base + path, data) as response:
            return response.read().decode()

    def csrf(text):
        return html.unescape(re.search(r'name="csrf" value="([^"]+)"', text).group(1))

    page("/logga-in", {"email": "redaktor@demo.samsyn.se", "password": "samsyn-demo-2023", "csrf": csrf(page("/logga-in"))})
    created = page("/konto/nycklar", {"name": name, "csrf": csrf(page("/konto"))})
    return re.search(r"<code>(samsyn_[^<]+)</code>", created).group(1)
