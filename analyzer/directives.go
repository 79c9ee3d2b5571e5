package analyzer

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/lockorder/lockorder/lockgraph"
)

// The comment directives lockorder reads.
const (
	// ignoreDirective suppresses the reports on its line, on the line
	// below when it stands alone, or in the function whose doc comment
	// holds it. A reason must follow.
	ignoreDirective = "//lockorder:ignore"
	// orderDirective declares an order: "//lockorder:order a.T.mu < b.U.mu".
	orderDirective = "//lockorder:order"
)

// orderFile is the -order flag: a file of declared orders, one
// "a.T.mu < b.U.mu" per line, # comments. It is read and checked when the
// flag is set, so a bad file stops the command before any analysis.
var orderFile orderFlag

func init() {
	Analyzer.Flags.Var(&orderFile, "order", "file of declared lock orders, one `a.T.mu < b.U.mu` per line")
}

// orderFlag is the value of -order: the file and the pairs it declares.
type orderFlag struct {
	path  string
	pairs []orderPair
}

func (f *orderFlag) String() string { return f.path }

// Set reads and parses the file; the empty path clears the flag.
func (f *orderFlag) Set(path string) error {
	f.path, f.pairs = path, nil
	if path == "" {
		return nil
	}
	pairs, err := readOrderFile(path)
	if err != nil {
		return err
	}
	f.pairs = pairs
	return nil
}

// An orderPair declares that Before is acquired before After, never while
// After is held.
type orderPair struct {
	Before, After lockgraph.Class
	Pos           token.Position
}

// add records a diagnostic; flush reports them once suppressions apply.
func (pa *pkgAnalysis) add(d analysis.Diagnostic) { pa.diags = append(pa.diags, d) }

// An ignore is one //lockorder:ignore directive.
type ignore struct {
	pos        token.Pos
	file       string
	line       int
	from, to   token.Pos // the function it covers, for a doc comment
	reason     string
	alone      bool // the comment is the only thing on its line
	suppressed bool
}

// flush drops the diagnostics that a directive suppresses (on the reported
// line or on any line of the witness in this package), reports the rest in
// position order, and reports directives without a reason or
// without anything to suppress.
func (pa *pkgAnalysis) flush() {
	ignores := pa.ignores()
	slices.SortStableFunc(pa.diags, func(a, b analysis.Diagnostic) int { return comparePos(pa.pass.Fset, a.Pos, b.Pos) })
	for _, d := range pa.diags {
		suppressed := pa.suppress(d.Pos, ignores)
		for _, r := range d.Related {
			suppressed = suppressed || pa.suppress(r.Pos, ignores)
		}
		if !suppressed {
			pa.pass.Report(d)
		}
	}
	for _, ig := range ignores {
		switch {
		case ig.reason == "":
			pa.pass.Report(analysis.Diagnostic{Pos: ig.pos, Category: "directive",
				Message: "lockorder:ignore needs a reason: //lockorder:ignore <why this is safe>"})
		case !ig.suppressed:
			pa.pass.Report(analysis.Diagnostic{Pos: ig.pos, Category: "directive",
				Message: "unused lockorder:ignore: nothing is reported here"})
		}
	}
}

func (pa *pkgAnalysis) suppress(pos token.Pos, ignores []*ignore) bool {
	if !pos.IsValid() {
		return false
	}
	posn := pa.pass.Fset.Position(pos)
	for _, ig := range ignores {
		onLine := ig.file == posn.Filename && (ig.line == posn.Line || (ig.alone && ig.line+1 == posn.Line))
		inFunc := ig.from.IsValid() && ig.from <= pos && pos < ig.to
		if onLine || inFunc {
			ig.suppressed = true
			return true
		}
	}
	return false
}

// ignores collects the package's //lockorder:ignore directives.
func (pa *pkgAnalysis) ignores() []*ignore {
	var out []*ignore
	for _, f := range pa.pass.Files {
		docs := make(map[*ast.CommentGroup]*ast.FuncDecl)
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
				docs[fd.Doc] = fd
			}
		}
		tf := pa.pass.Fset.File(f.Pos())
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				rest, ok := strings.CutPrefix(c.Text, ignoreDirective)
				if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
					continue
				}
				rest, _, _ = strings.Cut(rest, "//") // a trailing comment is not the reason
				posn := pa.pass.Fset.Position(c.Pos())
				ig := &ignore{pos: c.Pos(), file: posn.Filename, line: posn.Line, reason: strings.TrimSpace(rest),
					alone: posn.Column == 1 || onlyComment(tf, c.Pos())}
				if fd := docs[cg]; fd != nil {
					ig.from, ig.to = fd.Pos(), fd.End()
				}
				out = append(out, ig)
			}
		}
	}
	return out
}

// onlyComment reports whether only blanks precede pos on its line.
func onlyComment(tf *token.File, pos token.Pos) bool {
	start := tf.LineStart(tf.Line(pos))
	src, err := os.ReadFile(tf.Name())
	if err != nil {
		return false
	}
	return strings.TrimSpace(string(src[tf.Offset(start):tf.Offset(pos)])) == ""
}

// declaredOrders collects the declared orders visible here: the imported
// ones (carried in m), this package's directives and the -order file,
// reports directives that name unknown locks or close a cycle, and returns
// the transitive order as a "before -> after" set.
func (pa *pkgAnalysis) declaredOrders(m *merger, pos *positions) map[[2]string]orderPair {
	for _, d := range pa.orderDirectives() {
		m.addOrder(d)
	}
	if orderFile.path != "" {
		for _, p := range orderFile.pairs {
			if before, ok := pa.resolveLock(p.Before.Name); ok {
				if after, ok := pa.resolveLock(p.After.Name); ok {
					m.addOrder(orderPair{Before: before, After: after, Pos: p.Pos})
				}
			}
		}
	}
	var g lockgraph.Graph
	pairs := m.sortedOrders()
	for _, p := range pairs {
		g.Add(lockgraph.Edge{From: p.Before, To: p.After, Witness: []lockgraph.Step{{Pos: p.Pos}}})
	}
	cycles, _ := g.Cycles()
	for _, c := range cycles {
		names := make([]string, 0, len(c.Edges)+1)
		for _, e := range c.Edges {
			names = append(names, e.From.Name)
		}
		names = append(names, c.Edges[0].From.Name)
		for _, e := range c.Edges {
			if p := e.Witness[0].Pos; pos.local[p.Filename] {
				pa.add(analysis.Diagnostic{Pos: pos.pos(p), Category: "directive",
					Message: "lockorder:order declares a cycle: " + strings.Join(names, " < ")})
				break
			}
		}
	}
	// The transitive closure: before -> after for every path, with the
	// first declared pair of the path for its position.
	succ := make(map[string][]orderPair)
	for _, p := range pairs {
		succ[p.Before.ID] = append(succ[p.Before.ID], p)
	}
	closure := make(map[[2]string]orderPair)
	for _, p := range pairs {
		work := []orderPair{p}
		for len(work) > 0 {
			q := work[0]
			work = work[1:]
			key := [2]string{p.Before.ID, q.After.ID}
			if _, seen := closure[key]; seen || q.After.ID == p.Before.ID {
				continue
			}
			closure[key] = orderPair{Before: p.Before, After: q.After, Pos: p.Pos}
			work = append(work, succ[q.After.ID]...)
		}
	}
	return closure
}

// checkOrder reports an edge that takes a lock declared to come before the
// lock held.
func (pa *pkgAnalysis) checkOrder(e lockgraph.Edge, orders map[[2]string]orderPair, pos *positions) {
	decl, ok := orders[[2]string{e.To.ID, e.From.ID}]
	if !ok || e.From.IsEvent() || e.To.IsEvent() {
		return
	}
	var related []analysis.RelatedInformation
	for _, s := range e.Witness {
		related = append(related, pos.related(s, s.String()))
	}
	related = append(related, pos.related(lockgraph.Step{Pos: decl.Pos},
		fmt.Sprintf("declared order: %s < %s", decl.Before.Name, decl.After.Name)))
	pa.add(analysis.Diagnostic{
		Pos:      pos.anchor(lockgraph.Cycle{Edges: []lockgraph.Edge{e}}),
		Category: "order",
		Message: fmt.Sprintf("lock order violation: %s acquires %s while holding %s, against the declared order %s < %s",
			e.Witness[0].Func, e.To.Name, e.From.Name, e.To.Name, e.From.Name),
		Related: related,
	})
}

// orderDirectives parses the package's //lockorder:order directives,
// reporting the malformed ones and the unknown locks.
func (pa *pkgAnalysis) orderDirectives() []orderPair {
	var out []orderPair
	for _, f := range pa.pass.Files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				rest, ok := strings.CutPrefix(c.Text, orderDirective)
				if !ok {
					continue
				}
				rest, _, _ = strings.Cut(rest, "//")
				names, err := parseOrder(rest)
				if err != nil {
					pa.add(analysis.Diagnostic{Pos: c.Pos(), Category: "directive", Message: "lockorder:order: " + err.Error()})
					continue
				}
				classes := make([]lockgraph.Class, len(names))
				bad := false
				for i, n := range names {
					var ok bool
					if classes[i], ok = pa.resolveLock(n); !ok {
						pa.add(analysis.Diagnostic{Pos: c.Pos(), Category: "directive",
							Message: fmt.Sprintf("lockorder:order names unknown lock %s", n)})
						bad = true
					}
				}
				if bad {
					continue
				}
				posn := pa.pass.Fset.Position(c.Pos())
				for i := 1; i < len(classes); i++ {
					out = append(out, orderPair{Before: classes[i-1], After: classes[i], Pos: posn})
				}
			}
		}
	}
	return out
}

// parseOrder splits "a < b < c" into its names.
func parseOrder(s string) ([]string, error) {
	parts := strings.Split(s, "<")
	if len(parts) < 2 {
		return nil, fmt.Errorf("want \"a.T.mu < b.U.mu\", got %q", strings.TrimSpace(s))
	}
	names := make([]string, len(parts))
	for i, p := range parts {
		names[i] = strings.TrimSpace(p)
		if names[i] == "" || strings.ContainsAny(names[i], " \t") {
			return nil, fmt.Errorf("want \"a.T.mu < b.U.mu\", got %q", strings.TrimSpace(s))
		}
	}
	return names, nil
}

// readOrderFile reads and parses an order file, collecting every
// malformed line. Its pairs carry names, not resolved classes: each
// package resolves them.
func readOrderFile(path string) ([]orderPair, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading order file: %v", err)
	}
	var pairs []orderPair
	var errs []string
	for i, line := range strings.Split(string(data), "\n") {
		line, _, _ = strings.Cut(line, "#")
		if strings.TrimSpace(line) == "" {
			continue
		}
		names, err := parseOrder(line)
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s:%d: %v", path, i+1, err))
			continue
		}
		for j := 1; j < len(names); j++ {
			pairs = append(pairs, orderPair{
				Before: lockgraph.Class{Name: names[j-1]}, After: lockgraph.Class{Name: names[j]},
				Pos: token.Position{Filename: path, Line: i + 1, Column: 1}})
		}
	}
	if len(errs) > 0 {
		return pairs, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return pairs, nil
}

// resolveLock finds the lock class a directive names: "pkg.Type.field"
// (also a field path, "pkg.Type.a.b"), "pkg.var", with pkg the package's
// name or full path, among this package and everything it imports.
func (pa *pkgAnalysis) resolveLock(name string) (lockgraph.Class, bool) {
	for _, pkg := range pa.visiblePackages() {
		rest, ok := strings.CutPrefix(name, pkg.Path()+".")
		if !ok {
			rest, ok = strings.CutPrefix(name, pkg.Name()+".")
		}
		if !ok {
			continue
		}
		elems := strings.Split(rest, ".")
		obj := pkg.Scope().Lookup(elems[0])
		if obj == nil {
			continue
		}
		t := obj.Type()
		for _, field := range elems[1:] {
			st, ok := derefStruct(t)
			if !ok {
				t = nil
				break
			}
			t = nil
			for i := range st.NumFields() {
				if st.Field(i).Name() == field {
					t = st.Field(i).Type()
				}
			}
			if t == nil {
				break
			}
		}
		if t == nil {
			continue
		}
		if _, isType := obj.(*types.TypeName); isType && len(elems) == 1 {
			continue
		}
		return lockgraph.Class{ID: pkg.Path() + "." + rest, Name: pkg.Name() + "." + rest}, true
	}
	return lockgraph.Class{}, false
}

func derefStruct(t types.Type) (*types.Struct, bool) {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	return st, ok
}

// visiblePackages lists this package and its transitive imports, sorted by
// path.
func (pa *pkgAnalysis) visiblePackages() []*types.Package {
	if pa.visible == nil {
		seen := make(map[*types.Package]bool)
		var visit func(p *types.Package)
		visit = func(p *types.Package) {
			if seen[p] {
				return
			}
			seen[p] = true
			pa.visible = append(pa.visible, p)
			for _, imp := range p.Imports() {
				visit(imp)
			}
		}
		visit(pa.pass.Pkg)
		slices.SortFunc(pa.visible, func(a, b *types.Package) int { return cmp.Compare(a.Path(), b.Path()) })
	}
	return pa.visible
}
