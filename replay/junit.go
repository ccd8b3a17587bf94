package replay

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"
)

// Case is one scenario's outcome for a JUnit report.
type Case struct {
	Name, File string
	Time       time.Duration
	Failures   []string
	// Error is an infrastructure problem (the scenario could not run).
	Error string
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Time     string      `xml:"time,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitMessage `xml:"failure,omitempty"`
	Error     *junitMessage `xml:"error,omitempty"`
}

type junitMessage struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",chardata"`
}

func secs(d time.Duration) string { return fmt.Sprintf("%.3f", d.Seconds()) }

// WriteJUnit writes a JUnit XML report: one testsuite named suite, one
// testcase per scenario, failures carrying the diff.
func WriteJUnit(w io.Writer, suite string, cases []Case) error {
	s := junitSuite{Name: suite, Tests: len(cases)}
	var total time.Duration
	for _, c := range cases {
		total += c.Time
		jc := junitCase{Name: c.Name, Classname: c.File, Time: secs(c.Time)}
		if c.Error != "" {
			s.Errors++
			jc.Error = &junitMessage{Message: firstLine(c.Error), Type: "error", Text: c.Error}
		} else if len(c.Failures) > 0 {
			s.Failures++
			text := strings.Join(c.Failures, "\n\n")
			jc.Failure = &junitMessage{Message: firstLine(text), Type: "failure", Text: text}
		}
		s.Cases = append(s.Cases, jc)
	}
	s.Time = secs(total)
	doc := junitSuites{Tests: s.Tests, Failures: s.Failures, Errors: s.Errors, Suites: []junitSuite{s}}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	if len(l) > 200 {
		l = l[:200] + "…"
	}
	return l
}
