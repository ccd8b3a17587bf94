package dashboard_test

import (
	"context"
	"encoding/base64"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
	"github.com/element-emulator/element-emulator/dashboard"
)

// The browser tests drive Debian's chromium through chromedp. Without a
// browser they skip, unless ELEMENT_EMULATOR_REQUIRE_BROWSER is set (CI).
// Screenshots go to ELEMENT_EMULATOR_ARTIFACTS (default: the test's temp
// directory); -docs-screenshot also rewrites docs/dashboard.png.

var docsScreenshot = flag.Bool("docs-screenshot", false, "rewrite docs/dashboard.png from the cluster page test")

// page is one browser tab on an emulator's dashboard.
type page struct {
	t   *testing.T
	ctx context.Context

	mu       sync.Mutex
	problems []string // console errors and exceptions
}

func findBrowser() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser is the one headless browser the tests share (each test opens its
// own tab); started by the first test that needs it, closed by TestMain.
var browser struct {
	once   sync.Once
	ctx    context.Context // holds the browser; tabs are its children
	cancel func()
	err    error
}

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if browser.cancel != nil {
		browser.cancel()
	}
	os.Exit(code)
}

func startBrowser(path string) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.Headless,
		chromedp.DisableGPU, chromedp.WindowSize(1400, 1000), chromedp.Flag("disable-dev-shm-usage", true))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	browser.ctx, browser.cancel = bctx, func() { cancelBrowser(); cancelAlloc() }
	browser.err = chromedp.Do(bctx, chromedp.Navigate("about:blank"))
}

// openBrowser opens a tab whose requests carry the admin's Basic
// credentials (as a browser's do after the 401 prompt).
func openBrowser(t *testing.T, user, pass string) *page {
	t.Helper()
	path := findBrowser()
	if path == "" {
		if os.Getenv("ELEMENT_EMULATOR_REQUIRE_BROWSER") != "" {
			t.Fatal("ELEMENT_EMULATOR_REQUIRE_BROWSER is set but no chromium is installed (apt-get install chromium)")
		}
		t.Skip("no chromium installed; the browser tests skip (ELEMENT_EMULATOR_REQUIRE_BROWSER makes them mandatory)")
	}
	start := time.Now()
	browser.once.Do(func() { startBrowser(path) })
	defer func() { t.Logf("browser tab ready: %v", time.Since(start)) }()
	require.NoError(t, browser.err, "starting %s", path)
	tab, cancelTab := chromedp.NewContext(browser.ctx)
	ctx, cancelTimeout := context.WithTimeout(tab, 60*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelTab() })
	p := &page{t: t, ctx: ctx}
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate("about:blank")))
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == "error" {
				p.mu.Lock()
				p.problems = append(p.problems, fmt.Sprintf("%s (%s:%d)", m.Text, m.URL, m.Line))
				p.mu.Unlock()
			}
		}
	}()
	_, err := chromedp.Call(ctx, network.Enable, network.EnableParams{})
	require.NoError(t, err)
	auth := "Basic " + base64.StdEncoding.EncodeToString([]byte(user+":"+pass))
	_, err = chromedp.Call(ctx, network.SetExtraHTTPHeaders, network.SetExtraHTTPHeadersParams{Headers: network.Headers{"Authorization": auth}})
	require.NoError(t, err)
	return p
}

func (p *page) do(steps ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	require.NoError(p.t, chromedp.Do(p.ctx, steps...))
}

// waitFor polls a JavaScript predicate until it holds; on timeout it
// fails with what the page shows.
func (p *page) waitFor(what, expr string) {
	p.t.Helper()
	start := time.Now()
	defer func() { p.t.Logf("%s: %v", what, time.Since(start)) }()
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(10*time.Second), chromedp.WithPollingMutation()))
	if err != nil {
		body, _ := chromedp.Run(p.ctx, chromedp.Evaluate[string](`document.body.innerText`))
		p.t.Fatalf("waiting for %s (%s): %v\npage:\n%s", what, expr, err, body)
	}
}

// text returns the text of the element sel.
func (p *page) text(sel string) string {
	p.t.Helper()
	s, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](fmt.Sprintf(`(document.querySelector(%q) || {}).textContent || ""`, sel)))
	require.NoError(p.t, err)
	return s
}

// screenshot saves the whole page as name.png in the artifacts directory.
func (p *page) screenshot(name string) {
	p.t.Helper()
	start := time.Now()
	defer func() { p.t.Logf("screenshot %s: %v", name, time.Since(start)) }()
	b, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
	require.NoError(p.t, err)
	dir := os.Getenv("ELEMENT_EMULATOR_ARTIFACTS")
	if dir == "" {
		dir = p.t.TempDir()
	}
	require.NoError(p.t, os.MkdirAll(dir, 0o755))
	path := filepath.Join(dir, name+".png")
	require.NoError(p.t, os.WriteFile(path, b, 0o644))
	p.t.Logf("screenshot: %s", path)
}

// noConsoleErrors fails on any JavaScript error the page logged.
func (p *page) noConsoleErrors() {
	p.t.Helper()
	// A round trip through the page, so that what it logged has arrived.
	_, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](`true`))
	require.NoError(p.t, err)
	p.mu.Lock()
	defer p.mu.Unlock()
	require.Empty(p.t, p.problems, "console errors")
}

// q quotes a CSS selector inside a JavaScript expression.
func q(sel string) string { return fmt.Sprintf("document.querySelector(%q)", sel) }

// hasText is a predicate: the element sel exists and its text contains s.
func hasText(sel, s string) string {
	return fmt.Sprintf(`(%s || {textContent: ""}).textContent.includes(%q)`, q(sel), s)
}

// TestBrowserClusterPageFollowsRekeyAndRecovery loads the cluster page,
// runs the seed 001 rekey (to an external key provider) and the
// kmipServerFault recovery through the API, and sees the page follow both
// live.
func TestBrowserClusterPageFollowsRekeyAndRecovery(t *testing.T) {
	s := apitest.NewServer(t)
	p := openBrowser(t, s.User, s.Pass)
	p.do(chromedp.Navigate(s.URL + "/_emulator/ui/"))
	p.waitFor("the first state", hasText("#conn", "live"))
	require.Equal(t, "2026-03-04 10:00:00 UTC", p.text("#clock"))
	require.Equal(t, "internal key management", p.text("#sear-provider"))
	require.Contains(t, p.text("#section-nodes"), "emu-node-4")

	// Seed 001: set up the external key provider, then rekey to it.
	pid, sid := s.SetupEKM()
	p.waitFor("the key server's probe", hasText(fmt.Sprintf(`#keyservers tr[data-server="%d"] .contact-result`, sid), "ok"))
	h := apitest.Int(t, s.OK("RekeySoftwareEncryptionAtRestMasterKey", map[string]any{"keyManagementType": "external", "keyProviderID": pid})["asyncHandle"])
	job := fmt.Sprintf(`#jobs tr[data-handle="%d"]`, h)
	p.waitFor("the running rekey", hasText(job+" .job-phase", "CreateNewMasterKey"))
	require.Equal(t, "running", p.text(job+" .job-status"))
	s.Advance(2)
	p.waitFor("the rewrap phase", hasText(job+" .job-phase", "RewrapDataEncryptionKeys"))
	progress, err := chromedp.Run(p.ctx, chromedp.Evaluate[int](q(job+" progress")+".value"))
	require.NoError(t, err)
	require.Equal(t, 33, progress, "one of three phases done")
	s.Advance(4)
	p.waitFor("the finished rekey", hasText(job+" .job-status", "complete"))
	p.waitFor("the new master key's provider", hasText("#sear-provider", "provider 1 “lab-provider”"))
	key := s.OK("GetSoftwareEncryptionAtRestInfo", nil)["masterKeyInfo"].(map[string]any)["keyID"].(string)
	require.Contains(t, p.text("#sear-key"), key+" (external)")

	// The kmipServerFault recovery: hardware EAR on the provider, the key
	// server unreachable over a power cycle, then back.
	require.Empty(t, s.OK("EnableEncryptionAtRest", map[string]any{"keyProviderID": pid}))
	s.Advance(5)
	p.waitFor("hardware EAR enabled", hasText("#ear-state", "enabled"))
	p.waitFor("unlocked SED drives", hasText(`tr[data-drive="1"] .sed`, "unlocked"))
	rule := s.AddRule(map[string]any{"target": "kmip-client", "match": map[string]any{"keyServerID": sid}, "effect": "unreachable"})
	status, body := s.Control(http.MethodPost, "restart", map[string]any{})
	require.Equal(t, http.StatusOK, status, body)
	p.waitFor("the kmipServerFault", `document.querySelector('#faults tr.current[data-code="kmipServerFault"]') !== null`)
	p.waitFor("locked drives", hasText(`tr[data-drive="1"] .sed`, "locked"))
	p.waitFor("the fired rule", hasText(fmt.Sprintf(`#rules tr[data-rule="%d"] .fired`, rule), "× (last 2026-03-04 10:00:11 UTC)"))
	require.Contains(t, p.text("#health-ok"), "attention")

	s.DeleteRule(rule)
	s.Advance(60)
	p.waitFor("the resolved kmipServerFault", `document.querySelector('#faults tr.resolved[data-code="kmipServerFault"]') !== null && document.querySelector('#faults tr.current[data-code="kmipServerFault"]') === null`)
	p.waitFor("unlocked drives again", hasText(`tr[data-drive="1"] .sed`, "unlocked"))
	p.waitFor("the unlock event", hasText("#events", "Drives unlocked"))
	s.Advance(210)
	p.waitFor("a healthy cluster", hasText("#health-ok", "healthy"))
	p.waitFor("the clock", hasText("#clock", "2026-03-04 10:04:41 UTC"))
	p.screenshot("cluster")
	if *docsScreenshot {
		// The top of the page (one window), to keep the file small.
		shot, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join("..", "docs", "dashboard.png"), shot, 0o644))
	}
	p.noConsoleErrors()
}

// TestBrowserLabControls adds a fault rule and advances the clock from the
// page's forms, takes and restores a snapshot, and fails a drive.
func TestBrowserLabControls(t *testing.T) {
	s := apitest.NewServer(t)
	_, sid := s.SetupEKM()
	p := openBrowser(t, s.User, s.Pass)
	p.do(chromedp.Navigate(s.URL + "/_emulator/ui/"))
	p.waitFor("the first state", hasText("#conn", "live"))

	// A fault rule from the form; the API sees it and it fires.
	p.do(chromedp.SetValue(chromedp.CSS("#rule-target"), "kmip-client"),
		chromedp.SetValue(chromedp.CSS("#rule-effect"), "unreachable"),
		chromedp.SetValue(chromedp.CSS("#rule-match"), fmt.Sprintf("keyServerID=%d", sid)),
		chromedp.SetValue(chromedp.CSS("#rule-times"), "1"),
		chromedp.Click(chromedp.CSS("#rule-add")))
	p.waitFor("the new rule", `document.querySelector('#rules tr[data-rule="1"]') !== null`)
	status, rules := s.Control(http.MethodGet, "faults", nil)
	require.Equal(t, http.StatusOK, status)
	r := rules["rules"].([]any)[0].(map[string]any)
	require.Equal(t, map[string]any{"keyServerID": fmt.Sprint(sid)}, r["match"])
	require.Equal(t, "unreachable", r["effect"])
	require.Equal(t, "never", p.text(`#rules tr[data-rule="1"] .fired`))
	s.Fail("TestKeyServerKmip", map[string]any{"keyServerID": sid}, "xKmipConnectionFailure")
	p.waitFor("the used-up rule", hasText(`#rules tr[data-rule="1"]`, "used up"))
	require.Contains(t, p.text(`#rules tr[data-rule="1"] .fired`), "1×")

	// A second rule, deleted from its row.
	p.do(chromedp.SetValue(chromedp.CSS("#rule-target"), "element-method"),
		chromedp.SetValue(chromedp.CSS("#rule-effect"), "error"),
		chromedp.SetValue(chromedp.CSS("#rule-match"), "method=ListDrives"),
		chromedp.SetValue(chromedp.CSS("#rule-params"), "name=xDBConnectionLost"),
		chromedp.SetValue(chromedp.CSS("#rule-times"), "0"),
		chromedp.Click(chromedp.CSS("#rule-add")))
	p.waitFor("the second rule", hasText(`#rules tr[data-rule="2"]`, "name=xDBConnectionLost"))
	s.Fail("ListDrives", nil, "xDBConnectionLost")
	p.waitFor("its firing", hasText(`#rules tr[data-rule="2"] .fired`, "1×"))
	p.do(chromedp.Click(chromedp.CSS(`[data-delete-rule="2"]`)))
	p.waitFor("the deleted rule", `document.querySelector('#rules tr[data-rule="2"]') === null`)
	s.OK("ListDrives", nil)

	// The clock, from the page.
	p.do(chromedp.SetValue(chromedp.CSS("#advance-seconds"), "90"), chromedp.Click(chromedp.CSS("#advance-btn")))
	p.waitFor("the advanced clock", hasText("#clock", "2026-03-04 10:01:30 UTC"))
	require.Equal(t, apitest.Start().Add(90*time.Second), s.Emu.Now())

	// A snapshot, a drive fault, and the restore that undoes it.
	p.do(chromedp.SetValue(chromedp.CSS("#snapshot-name"), "before-fail"), chromedp.Click(chromedp.CSS("#snapshot-btn")))
	p.waitFor("the snapshot", `document.querySelector('[data-restore="before-fail"]') !== null`)
	p.do(chromedp.Click(chromedp.CSS(`tr[data-drive="5"] button[title$="/fail"]`)))
	p.waitFor("the failed drive", hasText(`tr[data-drive="5"]`, "failed"))
	p.waitFor("the driveFailed fault", `document.querySelector('#faults tr.current[data-code="driveFailed"]') !== null`)
	p.do(chromedp.Click(chromedp.CSS(`[data-restore="before-fail"]`)))
	p.waitFor("the restored drive", hasText(`tr[data-drive="5"]`, "active"))
	p.waitFor("no current fault", `document.querySelector('#faults tr.current') === null`)

	// Text from the API is text, never markup: a fault record whose details
	// are HTML shows them literally and runs nothing.
	xss := `<img src=x onerror="window.pwned=1"><b>bold</b>`
	status, body := s.Control(http.MethodPost, "cluster-faults", map[string]any{"code": "labFault", "severity": "warning", "type": "cluster", "details": xss})
	require.Equal(t, http.StatusOK, status, body)
	p.waitFor("the lab fault", hasText(`#faults tr[data-code="labFault"]`, xss))
	inert, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](`document.querySelector('#faults img, #faults b') === null && window.pwned === undefined`))
	require.NoError(t, err)
	require.True(t, inert)

	// Power cycle and reset from the page (reset's confirmation accepted).
	p.do(chromedp.Click(chromedp.CSS("#restart-btn")))
	p.waitFor("the power cycle", hasText("#notice", "power cycle: done"))
	_, err = chromedp.Run(p.ctx, chromedp.Evaluate[bool](`window.confirm = function () { return true; }; true`))
	require.NoError(t, err)
	p.do(chromedp.Click(chromedp.CSS("#reset-btn")))
	p.waitFor("the reset", hasText("#notice", "reset: done"))
	p.waitFor("no key provider after the reset", hasText("#providers", "no key providers"))
	p.waitFor("the fired rules forgotten", hasText("#rules", "no fault rules"))
	p.noConsoleErrors()
}

// TestBrowserLabOverview shows five student clusters on the lab overview,
// one with a failed drive, each linked to its own page.
func TestBrowserLabOverview(t *testing.T) {
	lab := &dashboard.Lab{}
	var servers []*apitest.Server
	for i := 1; i <= 5; i++ {
		s := apitest.NewServer(t)
		servers = append(servers, s)
		lab.Members = append(lab.Members, dashboard.LabMember{Index: i, Name: fmt.Sprintf("emu-cluster-%d", i),
			HTTP: s.Emu.Addr("http"), HTTPS: s.Emu.Addr("https"), Dashboard: s.Emu.Dashboard()})
	}
	for _, m := range lab.Members {
		m.Dashboard.SetLab(lab)
	}
	s1 := servers[0]
	p := openBrowser(t, s1.User, s1.Pass)
	p.do(chromedp.Navigate(s1.URL + "/_emulator/ui/lab"))
	p.waitFor("five healthy clusters", hasText("#lab-summary", "5 of 5 clusters healthy"))
	require.Equal(t, 5, countRows(t, p, "#lab-table tbody tr"))

	// Cluster 3 gets a failed drive: its row turns, live.
	status, body := servers[2].Control(http.MethodPost, "drives/3/fail", map[string]any{})
	require.Equal(t, http.StatusOK, status, body)
	p.waitFor("cluster 3's fault", `document.querySelector('#lab-table tr[data-cluster="3"]').dataset.ok === "false"`)
	require.Contains(t, p.text(`#lab-table tr[data-cluster="3"] .faults`), "driveFailed")
	require.Equal(t, "4 of 5 clusters healthy", p.text("#lab-summary"))
	href, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](`document.querySelector('#lab-table tr[data-cluster="3"] a').href`))
	require.NoError(t, err)
	require.Equal(t, servers[2].URL+"/_emulator/ui/", href)
	p.screenshot("lab-overview")

	// The link opens cluster 3's own page (same credentials here).
	p.do(chromedp.Click(chromedp.CSS(`#lab-table tr[data-cluster="3"] a`)))
	p.waitNavigated(href)
	p.waitFor("cluster 3's page", hasText("#conn", "live"))
	p.waitFor("its failed drive", hasText(`tr[data-drive="3"]`, "failed"))
	require.False(t, strings.Contains(p.text("#lab-link"), "hidden"))
	p.noConsoleErrors()
}

// waitNavigated waits until the tab shows url and its document is ready.
func (p *page) waitNavigated(url string) {
	p.t.Helper()
	for ctx := p.ctx; ctx.Err() == nil; {
		loc, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.readyState === "complete" ? location.href : ""`))
		if err == nil && loc == url {
			return
		}
		// The old document may be gone mid-evaluation: ask again.
	}
	p.t.Fatalf("the tab did not navigate to %s", url)
}

func countRows(t *testing.T, p *page, sel string) int {
	t.Helper()
	n, err := chromedp.Run(p.ctx, chromedp.Evaluate[int](fmt.Sprintf(`document.querySelectorAll(%q).length`, sel)))
	require.NoError(t, err)
	return n
}
