// Package sarif converts lockorder's reports into a SARIF 2.1.0 log, the
// format code scanning services (GitHub code scanning among them) read.
//
// The log has one run with one tool component, lockorder, and one rule per
// kind of report. Each result points at its report's position, lists every
// witness step as a related location and again as a code flow with one
// thread flow per goroutine, and carries a partial fingerprint that does not
// depend on line numbers, so that moving code does not open a new alert.
// The same reports always give byte-identical output.
package sarif

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// SchemaURI is the $schema of the logs this package writes.
const SchemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

// SrcRoot is the uriBaseId of every location inside the directory the log
// is made relative to.
const SrcRoot = "%SRCROOT%"

// FingerprintKey is the key of the partial fingerprint of each result.
const FingerprintKey = "lockorder/v1"

// A Report is one diagnostic to convert.
type Report struct {
	// Category is the diagnostic's category ("cycle", "double-lock").
	Category string
	// Message is the diagnostic's message.
	Message string
	// Pos is where the report is; its Filename is absolute.
	Pos token.Position
	// Related are the witness steps, in order.
	Related []Step
}

// A Step is one related position of a report. Steps of a cycle start with
// "goroutine N: ".
type Step struct {
	// Pos is the step's position; it is invalid when unknown.
	Pos token.Position
	// Message describes the step.
	Message string
}

// Tool describes the analysis tool in the log.
type Tool struct {
	// Name is the tool's name ("lockorder").
	Name string
	// Version is the tool's version.
	Version string
	// InformationURI is an absolute URI of the tool's documentation.
	InformationURI string
}

// Log is a SARIF log.
type Log struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []Run  `json:"runs"`
}

// Run is a SARIF run: one invocation of one tool.
type Run struct {
	Tool               ToolComponentWrapper        `json:"tool"`
	OriginalURIBaseIDs map[string]ArtifactLocation `json:"originalUriBaseIds,omitempty"`
	Results            []Result                    `json:"results"`
	ColumnKind         string                      `json:"columnKind"`
}

// ToolComponentWrapper is a run's tool: its driver component.
type ToolComponentWrapper struct {
	Driver ToolComponent `json:"driver"`
}

// ToolComponent describes the analysis tool and its rules.
type ToolComponent struct {
	Name           string                `json:"name"`
	Version        string                `json:"version"`
	InformationURI string                `json:"informationUri"`
	Rules          []ReportingDescriptor `json:"rules"`
}

// ReportingDescriptor is a rule: one kind of report.
type ReportingDescriptor struct {
	ID                   string                 `json:"id"`
	Name                 string                 `json:"name"`
	ShortDescription     Message                `json:"shortDescription"`
	FullDescription      Message                `json:"fullDescription"`
	Help                 Message                `json:"help"`
	HelpURI              string                 `json:"helpUri"`
	DefaultConfiguration ReportingConfiguration `json:"defaultConfiguration"`
	Properties           *PropertyBag           `json:"properties,omitempty"`
}

// ReportingConfiguration is a rule's default configuration.
type ReportingConfiguration struct {
	Level string `json:"level"`
}

// PropertyBag holds a rule's tags.
type PropertyBag struct {
	Tags []string `json:"tags,omitempty"`
}

// Message is a SARIF message: plain text and, optionally, Markdown.
type Message struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

// Result is one report.
type Result struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             Message           `json:"message"`
	Locations           []Location        `json:"locations"`
	RelatedLocations    []Location        `json:"relatedLocations,omitempty"`
	CodeFlows           []CodeFlow        `json:"codeFlows,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

// Location is a place in a source file, with an optional message.
type Location struct {
	ID               *int              `json:"id,omitempty"`
	PhysicalLocation *PhysicalLocation `json:"physicalLocation,omitempty"`
	Message          *Message          `json:"message,omitempty"`
}

// PhysicalLocation is a file and a region in it.
type PhysicalLocation struct {
	ArtifactLocation ArtifactLocation `json:"artifactLocation"`
	Region           *Region          `json:"region,omitempty"`
}

// ArtifactLocation is a file's URI, relative to UriBaseID when that is set.
type ArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// Region is a position in a file; columns count UTF-16 code units.
type Region struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

// CodeFlow is the witness of a result.
type CodeFlow struct {
	ThreadFlows []ThreadFlow `json:"threadFlows"`
}

// ThreadFlow is the path of one goroutine.
type ThreadFlow struct {
	Message   *Message             `json:"message,omitempty"`
	Locations []ThreadFlowLocation `json:"locations"`
}

// ThreadFlowLocation is one step of a thread flow.
type ThreadFlowLocation struct {
	Location Location `json:"location"`
}

// rule is a kind of report and its description.
type rule struct {
	id, name, level string
	// category and prefix select the reports of this kind: the
	// diagnostic's category and, when set, the start of its message.
	category, prefix string
	short, full      string
	help, markdown   string
	anchor           string
}

// rules are the kinds of report lockorder makes, in the order of the
// log's rules array. A report of any other category gets a rule of its
// own after these (see otherRule).
var rules = []rule{
	{
		id: "lock-order-cycle", name: "LockOrderCycle", level: "error", category: "cycle",
		short: "Lock order cycle: two paths take the same locks in opposite orders.",
		full: "Some path acquires lock B while holding lock A and another path acquires A while holding B " +
			"(or a longer cycle of such pairs). Two goroutines following these paths at once can deadlock.",
		help: "A lock order cycle means that goroutines can deadlock: each holds one lock of the cycle and waits " +
			"for the next. The related locations give every step of each goroutine's path: the lock it holds, " +
			"the calls on the way (also through callbacks stored in struct fields) and the lock it acquires. " +
			"Fix it by taking the locks in one global order everywhere, or by releasing the held lock before " +
			"the call that takes the other one.",
		markdown: "A **lock order cycle** means that goroutines can deadlock: each holds one lock of the cycle and " +
			"waits for the next.\n\nThe code flow shows each goroutine's path: the lock it holds, the calls on " +
			"the way (also through callbacks stored in struct fields) and the lock it acquires.\n\n" +
			"Fix it by taking the locks in one global order everywhere, or by releasing the held lock before " +
			"the call that takes the other one.",
		anchor: "what-it-finds-and-why",
	},
	{
		id: "double-lock", name: "DoubleLock", level: "error", category: "double-lock",
		short: "Double lock: a mutex is locked again by the value that already holds it.",
		full: "A function locks a mutex that the same value already holds, directly or through calls. " +
			"Go mutexes are not reentrant: the second Lock blocks forever.",
		help: "Go's sync.Mutex and sync.RWMutex are not reentrant: locking a mutex that is already held by the " +
			"same goroutine blocks forever. The related locations show where the mutex was first acquired and " +
			"the calls that lead to the second acquisition. Fix it by releasing the lock before the call, or by " +
			"calling a variant of the function that expects the lock to be held.",
		markdown: "Go's `sync.Mutex` and `sync.RWMutex` are **not reentrant**: locking a mutex that is already held " +
			"by the same goroutine blocks forever.\n\nThe code flow shows where the mutex was first acquired and " +
			"the calls that lead to the second acquisition.\n\nFix it by releasing the lock before the call, or " +
			"by calling a variant of the function that expects the lock to be held.",
		anchor: "what-it-finds-and-why",
	},
	{
		id: "recursive-read-lock", name: "RecursiveReadLock", level: "warning",
		category: "double-lock", prefix: "recursive read lock",
		short: "Recursive read lock: an RWMutex is read-locked twice on one path.",
		full: "A function read-locks an RWMutex that the same value already holds for reading. If a writer " +
			"calls Lock in between, the second RLock waits for the writer and the writer waits for the first " +
			"RLock: both deadlock.",
		help: "sync.RWMutex blocks new readers once a writer is waiting, so a goroutine that takes RLock twice " +
			"deadlocks as soon as a writer calls Lock between the two. The related locations show the first " +
			"RLock and the calls to the second. Fix it by read-locking once, at the outermost call.",
		markdown: "`sync.RWMutex` blocks new readers once a writer is waiting, so a goroutine that takes `RLock` " +
			"twice **deadlocks** as soon as a writer calls `Lock` between the two.\n\nThe code flow shows the " +
			"first `RLock` and the calls to the second.\n\nFix it by read-locking once, at the outermost call.",
		anchor: "what-it-finds-and-why",
	},
}

// otherRule is the rule of the reports of a category lockorder has no
// description for.
func otherRule(category string) rule {
	id := category
	if id == "" {
		id = "other"
	}
	return rule{
		id: id, name: pascal(id), level: "warning", category: category,
		short: fmt.Sprintf("lockorder report of kind %q.", id),
		full:  fmt.Sprintf("A lockorder report of kind %q; the message says what was found.", id),
		help:  fmt.Sprintf("lockorder reported a problem of kind %q; the message and the related locations say what and where.", id),
		markdown: fmt.Sprintf("lockorder reported a problem of kind `%s`; the message and the related locations "+
			"say what and where.", id),
		anchor: "reports-json-sarif-and-the-lock-graph",
	}
}

// pascal turns "some-kind" into "SomeKind".
func pascal(id string) string {
	var sb strings.Builder
	for _, w := range strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' || r == ' ' || r == '/' }) {
		r, n := utf8.DecodeRuneInString(w)
		sb.WriteString(strings.ToUpper(string(r)) + w[n:])
	}
	return sb.String()
}

// ruleOf returns the rule a report belongs to.
func ruleOf(r Report) rule {
	var match rule
	for _, k := range rules {
		if k.category == r.Category && strings.HasPrefix(r.Message, k.prefix) && len(k.prefix) >= len(match.prefix) {
			match = k
		}
	}
	if match.id == "" {
		return otherRule(r.Category)
	}
	return match
}

// Convert builds the log of the reports. root is the absolute directory
// that relative URIs are relative to (%SRCROOT%); files outside it get
// absolute file URIs. Reports that are equal in category, position and
// message are kept once; results are sorted by file, line, column, rule and
// message. Source files are read to turn Go's byte columns into the UTF-16
// columns SARIF expects.
func Convert(tool Tool, root string, reports []Report) *Log {
	c := &converter{root: filepath.Clean(root), lines: make(map[string][]string)}

	all := slices.Clone(reports)
	slices.SortStableFunc(all, func(a, b Report) int {
		return cmp.Or(
			cmp.Compare(c.uri(a.Pos.Filename).URI, c.uri(b.Pos.Filename).URI),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Column, b.Pos.Column),
			cmp.Compare(ruleOf(a).id, ruleOf(b).id),
			cmp.Compare(a.Message, b.Message),
		)
	})
	all = slices.CompactFunc(all, func(a, b Report) bool {
		return a.Category == b.Category && a.Pos == b.Pos && a.Message == b.Message
	})

	descs := slices.Clone(rules)
	index := make(map[string]int)
	for i, k := range descs {
		index[k.id] = i
	}
	var others []rule
	for _, r := range all {
		if k := ruleOf(r); !slices.ContainsFunc(descs, func(d rule) bool { return d.id == k.id }) &&
			!slices.ContainsFunc(others, func(d rule) bool { return d.id == k.id }) {
			others = append(others, k)
		}
	}
	slices.SortFunc(others, func(a, b rule) int { return cmp.Compare(a.id, b.id) })
	for _, k := range others {
		index[k.id] = len(descs)
		descs = append(descs, k)
	}

	results := make([]Result, 0, len(all))
	occurrences := make(map[string]int)
	for _, r := range all {
		k := ruleOf(r)
		res := Result{
			RuleID:    k.id,
			RuleIndex: index[k.id],
			Level:     k.level,
			Message:   Message{Text: r.Message},
			Locations: []Location{{PhysicalLocation: c.physical(r.Pos)}},
		}
		fp := fingerprint(k.id, r.Message, c.uri(r.Pos.Filename).URI)
		occurrences[fp]++
		res.PartialFingerprints = map[string]string{FingerprintKey: fp + ":" + strconv.Itoa(occurrences[fp])}
		for i, s := range r.Related {
			loc := c.location(s.Pos, s.Message)
			loc.ID = new(i + 1)
			res.RelatedLocations = append(res.RelatedLocations, loc)
		}
		if flows := c.threadFlows(r.Related); len(flows) > 0 {
			res.CodeFlows = []CodeFlow{{ThreadFlows: flows}}
		}
		results = append(results, res)
	}

	driver := ToolComponent{Name: tool.Name, Version: tool.Version, InformationURI: tool.InformationURI}
	for _, k := range descs {
		driver.Rules = append(driver.Rules, ReportingDescriptor{
			ID:                   k.id,
			Name:                 k.name,
			ShortDescription:     Message{Text: k.short},
			FullDescription:      Message{Text: k.full},
			Help:                 Message{Text: k.help, Markdown: k.markdown},
			HelpURI:              strings.TrimSuffix(tool.InformationURI, "/") + "#" + k.anchor,
			DefaultConfiguration: ReportingConfiguration{Level: k.level},
			Properties:           &PropertyBag{Tags: []string{"concurrency", "correctness", "deadlock"}},
		})
	}
	return &Log{
		Schema:  SchemaURI,
		Version: "2.1.0",
		Runs: []Run{{
			Tool:               ToolComponentWrapper{Driver: driver},
			OriginalURIBaseIDs: map[string]ArtifactLocation{SrcRoot: {URI: fileURI(c.root, true)}},
			Results:            results,
			ColumnKind:         "utf16CodeUnits",
		}},
	}
}

// Write writes the log as indented JSON followed by a newline.
func (l *Log) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(l)
}

// fingerprint identifies a result independently of line numbers: a hash of
// its rule, its message and its file.
func fingerprint(ruleID, message, uri string) string {
	sum := sha256.Sum256([]byte(ruleID + "\x00" + message + "\x00" + uri))
	return hex.EncodeToString(sum[:16])
}

// goroutinePrefix matches the "goroutine N: " that starts each step of a
// cycle's witness, after the "file:line:col: " that the analyzer puts
// first when the step's file could not be read.
var goroutinePrefix = regexp.MustCompile(`^(\S+:\d+(?::\d+)?: )?goroutine (\d+): `)

// threadFlows groups witness steps into one thread flow per goroutine, in
// the order the goroutines first appear; steps without a goroutine prefix
// (those of a double lock) form one thread flow of their own.
func (c *converter) threadFlows(steps []Step) []ThreadFlow {
	var flows []ThreadFlow
	byKey := make(map[string]int)
	for _, s := range steps {
		key, msg := "", s.Message
		if m := goroutinePrefix.FindStringSubmatch(s.Message); m != nil {
			key, msg = "goroutine "+m[2], m[1]+s.Message[len(m[0]):]
		}
		i, ok := byKey[key]
		if !ok {
			i = len(flows)
			byKey[key] = i
			flow := ThreadFlow{}
			if key != "" {
				flow.Message = &Message{Text: key}
			}
			flows = append(flows, flow)
		}
		flows[i].Locations = append(flows[i].Locations, ThreadFlowLocation{Location: c.location(s.Pos, msg)})
	}
	return flows
}

// converter turns positions into SARIF locations.
type converter struct {
	root string
	// lines caches the lines of the source files read so far; nil for a
	// file that cannot be read.
	lines map[string][]string
}

// location is a location with a message; a step whose position is unknown
// has no physical location.
func (c *converter) location(pos token.Position, msg string) Location {
	loc := Location{Message: &Message{Text: msg}}
	if pos.IsValid() {
		loc.PhysicalLocation = c.physical(pos)
	}
	return loc
}

// physical is the physical location of a position.
func (c *converter) physical(pos token.Position) *PhysicalLocation {
	p := &PhysicalLocation{ArtifactLocation: c.uri(pos.Filename)}
	if pos.Line > 0 {
		p.Region = &Region{StartLine: pos.Line, StartColumn: c.column(pos)}
	}
	return p
}

// uri is the artifact location of a file: relative to %SRCROOT% when the
// file is inside the root, an absolute file URI otherwise.
func (c *converter) uri(filename string) ArtifactLocation {
	if filename == "" {
		return ArtifactLocation{}
	}
	if rel, err := filepath.Rel(c.root, filename); err == nil && filepath.IsLocal(rel) {
		segs := strings.Split(filepath.ToSlash(rel), "/")
		for i, s := range segs {
			segs[i] = strings.ReplaceAll(url.PathEscape(s), ":", "%3A")
		}
		return ArtifactLocation{URI: strings.Join(segs, "/"), URIBaseID: SrcRoot}
	}
	return ArtifactLocation{URI: fileURI(filename, false)}
}

// fileURI is the file URI of an absolute path; dir adds the trailing slash
// a base URI needs.
func fileURI(path string, dir bool) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter
	}
	if dir && !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// column converts the byte column of a position into UTF-16 code units,
// reading the file; it returns the byte column when the file or line
// cannot be read.
func (c *converter) column(pos token.Position) int {
	if pos.Column < 1 {
		return 0
	}
	lines, ok := c.lines[pos.Filename]
	if !ok {
		if data, err := os.ReadFile(pos.Filename); err == nil {
			lines = strings.Split(string(data), "\n")
		}
		c.lines[pos.Filename] = lines
	}
	if pos.Line > len(lines) || pos.Column-1 > len(lines[pos.Line-1]) {
		return pos.Column
	}
	return len(utf16.Encode([]rune(lines[pos.Line-1][:pos.Column-1]))) + 1
}
