"""The front page of `kg serve`: every declared question answered from the graph with its citations, escaped,
byte-stable, and working in a real headless browser (Chromium through Selenium and the system chromedriver)."""

from __future__ import annotations

import importlib.util
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest
from rdflib import Dataset

from kg.answers.answer import Answer, Fact
from kg.answers.citations import CitationDetail
from kg.serve.front_page import Entry, document_answers, render_outcome, render_page
from kg.serve.gate import Outcome
from kg.sparql.saved import SavedQuery
from tests.serving import Served, require

CHROMIUM_ARGUMENTS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                      "--disable-background-networking", "--disable-component-update", "--disable-sync")
CURE_QUOTE = "There is no known cure for ALS, and treatments are focused on managing symptoms and prolonging survival."


@pytest.fixture(scope="module")
def entries(dataset: Dataset, saved_queries: dict[str, SavedQuery]) -> list[Entry]:
    return document_answers(dataset, saved_queries.values())


def declared_questions(saved_queries: dict[str, SavedQuery]) -> list[str]:
    return [question.text for query in saved_queries.values() for question in query.questions]


def test_every_declared_question_is_shown_in_order(entries: list[Entry], saved_queries: dict[str, SavedQuery]) -> None:
    page = render_page(entries)
    shown = re.findall(r'<h3 class="question">(.*?)</h3>', page)
    assert shown == [q.replace("&", "&amp;").replace("'", "&#x27;") for q in declared_questions(saved_queries)]
    assert len(shown) == 48


def test_an_answer_shows_its_verdict_facts_and_verbatim_citations(entries: list[Entry]) -> None:
    page = render_page(entries)
    cure = page[page.index('<section class="answer" id="cure-1">'):]
    cure = cure[:cure.index("</section>")]
    assert '<p class="verdict">amyotrophic lateral sclerosis: No</p>' in cure
    assert '<li class="fact">cure status: no known cure <a href="#cure-1-ref-1">[1]</a>' in cure
    assert CURE_QUOTE in cure
    assert 'Saved query <code>cure</code>: <a href="/?query=' in cure


class _TagBalance(HTMLParser):
    """Counts end tags that close something other than the innermost open element."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.mismatched = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag != "meta":
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.mismatched += 1


def test_the_page_is_well_formed_with_facts_under_their_entities(entries: list[Entry]) -> None:
    page = render_page(entries)
    balance = _TagBalance()
    balance.feed(page)
    assert (balance.mismatched, balance.open) == (0, [])
    section = page[page.index('id="is-demyelinating-1"'):]
    section = section[:section.index("</section>")]
    assert re.findall(r'<li class="entity"><strong>(.*?)</strong>\n<ul>\n<li class="fact">', section) == [
        "amyotrophic lateral sclerosis", "spinal muscular atrophy"]


def test_the_page_is_byte_identical_between_renderings(dataset: Dataset, entries: list[Entry],
                                                       saved_queries: dict[str, SavedQuery]) -> None:
    assert render_page(entries) == render_page(document_answers(dataset, saved_queries.values()))


def test_every_text_is_escaped(saved_queries: dict[str, SavedQuery]) -> None:
    hostile = '<script>alert("x")</script> & \'q\''
    detail = CitationDetail("urn:c", "<doc>", hostile, "<site>", (1,), hostile)
    answer = Answer(hostile, "answered", "cure", {}, [{"entity": "e", "name": hostile, "verdict": "no"}],
                    [Fact(hostile, hostile, (1,), hostile)], [detail], sparql='SELECT "</textarea>" {}')
    page = render_page([Entry('x"><b', saved_queries["cure"], answer)], query_text="</textarea><script>")
    assert "<script" not in page and '"><b' not in page
    assert 'id="x&quot;&gt;&lt;b"' in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;q&#x27;" in page
    assert '<textarea id="query" name="query" rows="12">&lt;/textarea&gt;&lt;script&gt;</textarea>' in page


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
     '<tr><td>urn:a</td><td>rdfs:label</td><td>x</td></tr>\n</tbody>\n</table>\n<p class="count">1 row</p>\n'),
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


def test_browser_shows_every_question_with_its_citations(browser: object, served: Served,
                                                         saved_queries: dict[str, SavedQuery]) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver

    assert isinstance(browser, WebDriver)
    browser.get(served.url)
    questions = [element.text for element in browser.find_elements(By.CSS_SELECTOR, "h3.question")]
    assert questions == declared_questions(saved_queries)
    assert CURE_QUOTE in browser.find_element(By.ID, "cure-1").text


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


def test_browser_runs_a_saved_query_from_its_answer(browser: object, served: Served) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.support.ui import WebDriverWait

    assert isinstance(browser, WebDriver)
    browser.get(served.url)
    browser.find_element(By.CSS_SELECTOR, "#cure-1 .source a").click()
    table = WebDriverWait(browser, 60).until(lambda b: b.find_element(By.CSS_SELECTOR, "#results table"))
    header = [cell.text for cell in table.find_elements(By.CSS_SELECTOR, "th")]
    assert header == ["disease", "name", "verdict", "evidence", "value", "citation"]
    rows = [[cell.text for cell in row.find_elements(By.CSS_SELECTOR, "td")]
            for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")]
    assert {tuple(row[:3]) for row in rows} == {("kg:ALS", "amyotrophic lateral sclerosis", "no")}
    assert len(rows) > 1



def test_browser_query_editor_runs_saved_queries_on_this_server_only(browser: object, served: Served,
                                                                     saved_queries: dict[str, SavedQuery]) -> None:
    """YASGUI at /editor: the saved queries listed, each opening in a tab on this server's /sparql; running one
    shows its rows; every file the page loads comes from this server (no CDN)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.support.ui import WebDriverWait

    assert isinstance(browser, WebDriver)
    browser.get(served.url + "editor")
    names = sorted(saved_queries)
    assert [button.text for button in browser.find_elements(By.CSS_SELECTOR, "button.saved-query")] == names

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
