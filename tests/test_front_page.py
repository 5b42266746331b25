"""The front page of `kg serve` and its query editor: the diseases, the documents' questions as links, a question
box answered as `kg ask` answers; escaped, byte-stable, small, and working in a real headless browser (Chromium
through Selenium and the system chromedriver) on a phone's width and a desktop's."""

from __future__ import annotations

import contextlib
import functools
import html
import http.server
import importlib.util
import re
import shutil
import threading
import urllib.parse
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import Dataset

from kg.answers.claim_index import ClaimIndex, build_index
from kg.answers.overview import Disease, Known, disease_overview
from kg.serve.front_page import render_outcome, render_page
from kg.serve.gate import Outcome
from kg.sparql.saved import SavedQuery
from tests.serving import Served, require

CHROMIUM_ARGUMENTS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                      "--disable-background-networking", "--disable-component-update", "--disable-sync")


@pytest.fixture(scope="module")
def index(dataset: Dataset) -> ClaimIndex:
    return build_index(dataset)


@pytest.fixture(scope="module")
def page(index: ClaimIndex, saved_queries: dict[str, SavedQuery]) -> str:
    return render_page(disease_overview(index), saved_queries.values())


def declared_questions(saved_queries: dict[str, SavedQuery]) -> list[str]:
    return [question.text for query in saved_queries.values() for question in query.questions]


def test_the_documents_questions_are_links_that_ask_them(page: str, saved_queries: dict[str, SavedQuery]) -> None:
    listed = page[page.index('<ol class="questions">'):]
    listed = listed[:listed.index("</ol>")]
    links = re.findall(r'<li><a href="(.*?)">(.*?)</a></li>', listed)
    questions = declared_questions(saved_queries)
    assert links == [("/?q=" + html.escape(urllib.parse.quote_plus(q)) + "#answer", html.escape(q))
                     for q in questions]
    assert len(links) == 48


def test_every_disease_is_shown_with_what_the_graph_knows(page: str, index: ClaimIndex) -> None:
    names = re.findall(r'<summary>(.*?) <span class="count">', page)
    assert names == sorted((index.label(disease) for disease in index.diseases), key=str.casefold)
    als = page[page.index("<summary>amyotrophic lateral sclerosis <"):]
    als = als[:als.index("</details>")]
    features = als[als.index("<dt>has clinical feature</dt>"):]
    features = features[:features.index("</dd>")]
    assert ('<li>pain <span class="qualifiers">(some patients)</span> <span class="sources">[document 004]</span>'
            "</li>") in features
    assert "<dt>is a</dt>" in als
    ms = page[page.index("<summary>multiple sclerosis <"):]
    ms = ms[:ms.index("</details>")]
    assert ("<dt>statement</dt>\n<dd><ul>\n<li>Reported cases of co-occurring ALS and MS: 33 as of 2024 "
            '<span class="qualifiers">(extremely rare (only 33 reported cases as of 2024))</span> '
            '<span class="sources">[document 001, reference 5]</span></li>\n</ul></dd>') in ms
    assert "<dt>is a</dt>\n<dd><ul>\n<li>demyelinating disease <em>derived</em> " in ms
    assert len(re.findall("<li>", als)) == int(re.findall(r'<span class="count">\((\d+) facts\)', als)[0])


def test_the_page_is_small_well_formed_and_byte_stable(page: str, dataset: Dataset,
                                                      saved_queries: dict[str, SavedQuery]) -> None:
    assert len(page.encode()) < 250_000
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    balance = _TagBalance()
    balance.feed(page)
    assert (balance.mismatched, balance.open) == (0, [])
    assert "<script" not in page
    assert page == render_page(disease_overview(build_index(dataset)), saved_queries.values())


class _TagBalance(HTMLParser):
    """Counts end tags that close something other than the innermost open element."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.mismatched = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in ("meta", "input"):
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.mismatched += 1


def test_every_text_is_escaped(saved_queries: dict[str, SavedQuery]) -> None:
    hostile = '<script>alert("x")</script> & \'q\''
    disease = Disease(hostile, ((hostile, (Known(hostile, (hostile,), True, (hostile,)),)),))
    page = render_page([disease], [saved_queries["cure"]], query_text="</textarea><script>", question=hostile)
    assert "<script" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;q&#x27;" in page
    assert f'value="{html.escape(hostile)}"' in page
    assert '<textarea id="query" name="query" rows="8" aria-label="SPARQL query">&lt;/textarea&gt;&lt;script&gt;' \
           "</textarea>" in page


@pytest.mark.parametrize(("outcome", "html"), [
    (Outcome(403, "text/plain; charset=utf-8", b"no <way>\n"), '<p class="error">Error 403: no &lt;way&gt;</p>\n'),
    (Outcome(200, "application/sparql-results+json", b'{"head":{},"boolean":true}'), '<p class="boolean">true</p>\n'),
    (Outcome(200, "application/sparql-results+json",
             b'{"head":{"vars":["d","n"]},"results":{"bindings":[{"d":{"type":"uri",'
             b'"value":"https://w3id.org/mnd-kg/resource/ALS"},"n":{"type":"literal","value":"<b>"}}]}}'),
     '<table class="results">\n<thead><tr><th>d</th><th>n</th></tr></thead>\n<tbody>\n'
     '<tr><td>kg:ALS</td><td>&lt;b&gt;</td></tr>\n</tbody>\n</table>\n<p class="count">1 row</p>\n'),
    (Outcome(200, "application/n-triples", b'<urn:a> <http://www.w3.org/2000/01/rdf-schema#label> "x"@en .\n'),
     '<table class="results">\n<thead><tr><th>subject</th><th>predicate</th><th>object</th></tr></thead>\n<tbody>\n'
     '<tr><td>&lt;urn:a&gt;</td><td>rdfs:label</td><td>x</td></tr>\n</tbody>\n</table>\n<p class="count">1 row</p>\n'),
])
def test_query_box_results(outcome: Outcome, html: str) -> None:
    assert render_outcome(outcome) == html


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    require(importlib.util.find_spec("selenium") is not None, "selenium is not installed (pip install -e '.[test]')")
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    require(chromium is not None and driver is not None,
            "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(chromium)
    for argument in (*CHROMIUM_ARGUMENTS, f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(argument)
    chrome = webdriver.Chrome(options=options, service=Service(executable_path=str(driver)))
    chrome.set_page_load_timeout(60)
    yield chrome
    chrome.quit()


def test_browser_query_box_runs_a_query(browser: object, served: Served) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.support.ui import WebDriverWait

    assert isinstance(browser, WebDriver)
    browser.get(served.url)
    box = browser.find_element(By.ID, "query")
    box.clear()
    box.send_keys("PREFIX kg: <https://w3id.org/mnd-kg/resource/>\n"
                  "SELECT ?name WHERE { kg:ALS <http://www.w3.org/2000/01/rdf-schema#label> ?name }")
    browser.find_element(By.ID, "run").click()
    table = WebDriverWait(browser, 60).until(lambda b: b.find_element(By.CSS_SELECTOR, "#results table"))
    cells = [cell.text for cell in table.find_elements(By.CSS_SELECTOR, "td")]
    assert cells == ["amyotrophic lateral sclerosis"]
    assert "kg:ALS" in (browser.find_element(By.ID, "query").get_attribute("value") or "")  # the box keeps the query


def test_browser_query_editor_runs_saved_queries_on_this_server_only(browser: object, served: Served,
                                                                     saved_queries: dict[str, SavedQuery]) -> None:
    """YASGUI at /editor: the saved queries listed, each opening in a tab on this server's /sparql; running one
    shows its rows; every file the page loads comes from this server (no CDN)."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver import Chrome
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.support.ui import WebDriverWait

    assert isinstance(browser, Chrome)
    browser.get_log("browser")  # earlier pages' messages
    browser.get(served.url + "editor")
    names = sorted(saved_queries)

    # the names as written (textContent): .text gives only what is rendered, which the editor's layout may not be yet
    def buttons(driver: WebDriver) -> list[str | None]:
        return [button.get_attribute("textContent")
                for button in driver.find_elements(By.CSS_SELECTOR, "button.saved-query")]

    # under load, a CI run once read 12 of the 29 buttons: given time to appear, the list must be the saved queries
    with contextlib.suppress(TimeoutException):
        WebDriverWait(browser, 30).until(lambda b: buttons(b) == names)
    assert buttons(browser) == names

    def tabs(driver: WebDriver) -> list[str]:
        return [tab.text.split("\n")[0] for tab in driver.find_elements(By.CSS_SELECTOR, ".tabsList [role=tab]")]

    WebDriverWait(browser, 60).until(lambda b: tabs(b) == names[:1])
    browser.find_element(By.CSS_SELECTOR, f"button.saved-query[data-index='{names.index('cure')}']").click()
    WebDriverWait(browser, 30).until(lambda b: tabs(b) == [names[0], "cure"])
    panel = browser.find_element(By.CSS_SELECTOR, ".tabPanel.active")
    assert panel.find_element(By.CSS_SELECTOR, "input.autocomplete").get_attribute("value") == served.url + "sparql"
    panel.find_element(By.CSS_SELECTOR, ".yasqe_queryButton").click()
    WebDriverWait(browser, 60).until(lambda b: "\"amyotrophic lateral sclerosis\"" in [
        cell.text for cell in b.find_elements(By.CSS_SELECTOR, ".tabPanel.active .yasr table td")])
    loaded = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert loaded and all(url.startswith(served.url) for url in loaded), loaded
    assert [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"] == []  # CSP kept, no 404


WIDE_QUERY = "SELECT * WHERE { ?claim ?property ?value } LIMIT 30"  # long IRIs in a table of three columns
PAGES = ("", "?q=Does+ALS+cause+pain%3F", "?query=" + urllib.parse.quote_plus(WIDE_QUERY))


@pytest.mark.parametrize(("width", "mobile"), [(375, True), (1280, False)])
def test_browser_pages_fit_the_screen_with_readable_text(browser: object, served: Served, width: int,
                                                         mobile: bool) -> None:
    """As a phone (375 px, a mobile viewport: without the viewport meta it would lay out at 980 px) and a
    desktop: with every disease opened, an answer and a wide result table, nothing is wider than the screen
    and no text is smaller than 14 px; the query editor fits as well."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.support.ui import WebDriverWait

    assert isinstance(browser, WebDriver)
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": 800, "deviceScaleFactor": 2 if mobile else 1, "mobile": mobile})
    try:
        for page in PAGES:
            browser.get(served.url + page)
            browser.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
            measured = browser.execute_script("""
                const texts = [...document.body.querySelectorAll('*')].filter(e => [...e.childNodes].some(
                    n => n.nodeType === Node.TEXT_NODE && n.textContent.trim()) && e.getClientRects().length);
                return {viewport: window.innerWidth, document: document.documentElement.scrollWidth,
                        body: parseFloat(getComputedStyle(document.body).fontSize),
                        smallest: Math.min(...texts.map(e => parseFloat(getComputedStyle(e).fontSize)))};""")
            assert measured["viewport"] == width, page
            assert measured["document"] <= width, (page, measured)
            assert measured["body"] >= 14 and measured["smallest"] >= 14, (page, measured)
        browser.get(served.url + "editor")  # YASGUI's own type sizes are its own; its width must fit too
        WebDriverWait(browser, 60).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".CodeMirror"))
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def kg_ask_words(question: str) -> list[str]:
    """What ``kg ask`` prints for ``question``, as words (its wrapping and list dashes aside)."""
    from click.testing import CliRunner

    from kg.cli import cli

    result = CliRunner().invoke(cli, ["ask", question])
    assert result.exit_code == 0, result.output
    return [word for word in result.output.split() if word != "-"]


@pytest.mark.parametrize("question", ["Does ALS cause pain?", "Is MS a demyelinating disease?",
                                      "What is the primary treatment for Amyotrophic Lateral Sclerosis (ALS)?"])
def test_browser_question_box_shows_kg_asks_answer(browser: object, served: Served, question: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.support.ui import WebDriverWait

    assert isinstance(browser, WebDriver)
    browser.get(served.url)
    box = browser.find_element(By.ID, "q")
    box.send_keys(question)
    browser.find_element(By.ID, "ask-run").click()
    answer = WebDriverWait(browser, 60).until(lambda b: b.find_element(By.ID, "answer"))
    assert answer.text.split() == kg_ask_words(question)
    assert browser.find_element(By.ID, "q").get_attribute("value") == question


def test_a_documents_question_link_answers_it_without_script(served: Served, saved_queries: dict[str, SavedQuery]
                                                             ) -> None:
    """The links and the form are plain GETs: the answer is in the HTML the server sends."""
    import urllib.request

    question = declared_questions(saved_queries)[0]
    with urllib.request.urlopen(served.url + "?q=" + urllib.parse.quote_plus(question), timeout=60) as response:
        page = response.read().decode()
    section = page[page.index('<section id="answer">'):]
    section = section[:section.index("</section>")]
    assert html.unescape(re.sub(r"<[^>]+>", " ", section)).split() == kg_ask_words(question)


def test_browser_page_on_another_origin_queries_the_endpoint(browser: object, served: Served,
                                                             tmp_path: Path) -> None:
    """A page served from another origin (another port) POSTs application/sparql-query to /sparql with fetch:
    Chromium sends the CORS preflight, and the answer reaches the page, as it would reach a hosted editor."""
    from selenium.webdriver.remote.webdriver import WebDriver

    assert isinstance(browser, WebDriver)
    (tmp_path / "index.html").write_text("<!DOCTYPE html><title>elsewhere</title>\n", encoding="utf-8")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(tmp_path))) as other:
        threading.Thread(target=other.serve_forever, daemon=True).start()
        try:
            browser.get(f"http://127.0.0.1:{other.server_address[1]}/")
            names = browser.execute_async_script("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {method: "POST", body: arguments[1], headers: {
                    "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"}})
                  .then(response => response.json())
                  .then(json => done(json.results.bindings.map(row => row.name.value)), error => done(String(error)));
                """, served.url + "sparql", "SELECT ?name WHERE { <https://w3id.org/mnd-kg/resource/ALS> "
                                             "<http://www.w3.org/2000/01/rdf-schema#label> ?name }")
        finally:
            other.shutdown()
    assert names == ["amyotrophic lateral sclerosis"]
