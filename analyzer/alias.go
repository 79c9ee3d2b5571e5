package analyzer

import (
	"go/build"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/tools/go/ssa"

	"github.com/lockorder/lockorder/lockgraph"
)

// collectAliases finds the pointer, interface and Cond fields that hold a
// mutex of another class, so that both names are one lock: `t.mu = &s.mu`,
// `c.L = &s.mu`, `s.cond = sync.NewCond(&s.mu)`, `s.cond = &sync.Cond{L:
// &s.mu}`. When two stores disagree, the smaller class ID wins, so the
// result does not depend on the order of the functions.
func (pa *pkgAnalysis) collectAliases(funcs []*ssa.Function) {
	if pa.aliases == nil {
		pa.aliases = make(map[string]lockgraph.Class)
	}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if st, ok := instr.(*ssa.Store); ok {
					pa.storeAlias(st)
				}
			}
		}
	}
}

func (pa *pkgAnalysis) storeAlias(st *ssa.Store) {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok {
		return
	}
	target, ok := fieldClass(fa)
	if !ok {
		return
	}
	switch v := unwrap(st.Val).(type) {
	case *ssa.Call:
		if callee := v.Call.StaticCallee(); callee != nil && callee.Pkg != nil &&
			callee.Pkg.Pkg.Path() == "sync" && callee.Name() == "NewCond" && len(v.Call.Args) == 1 {
			pa.addAlias(target.ID+".L", v.Call.Args[0])
		}
	case *ssa.Alloc:
		// &sync.Cond{L: &s.mu}: the literal's L is stored through the Alloc.
		if name, ok := syncType(v.Type()); ok && name == "Cond" {
			for _, ref := range *v.Referrers() {
				lf, ok := ref.(*ssa.FieldAddr)
				if !ok {
					continue
				}
				for _, use := range *lf.Referrers() {
					if s, ok := use.(*ssa.Store); ok && s.Addr == lf {
						pa.addAlias(target.ID+".L", s.Val)
					}
				}
			}
		}
	default:
		if _, isSync := syncType(v.Type()); isSync {
			pa.addAlias(target.ID, v)
		}
	}
}

func (pa *pkgAnalysis) addAlias(id string, mu ssa.Value) {
	c, ok := classOf(unwrap(mu))
	if !ok || c.ID == id {
		return
	}
	if old, ok := pa.aliases[id]; !ok || c.ID < old.ID {
		pa.aliases[id] = c
	}
}

// unwrap looks through conversions to an interface or another type.
func unwrap(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return v
		}
	}
}

// classOf is the class of a mutex pointer or Locker, through the aliases.
func (pa *pkgAnalysis) classOf(v ssa.Value) (lockgraph.Class, bool) {
	c, ok := classOf(v)
	if !ok {
		return c, false
	}
	if a, ok := pa.aliases[c.ID]; ok {
		return a, true
	}
	return c, true
}

// eventClass is the class of an event on a channel, WaitGroup or Cond.
// Events on the standard library's own channels (semaphores, timers) are
// left out: a program cannot close a cycle through them with its locks.
func (pa *pkgAnalysis) eventClass(v ssa.Value, event string) (lockgraph.Class, bool) {
	c, ok := classOf(v)
	if !ok || isStd(classPackage(c.ID)) {
		return c, false
	}
	return eventOf(c, event), true
}

// classPackage returns the package path of a class ID.
func classPackage(id string) string {
	slash := strings.LastIndex(id, "/") + 1
	if dot := strings.Index(id[slash:], "."); dot >= 0 {
		return id[:slash+dot]
	}
	return id
}

var stdPackages sync.Map // package path -> bool

// isStd reports whether a package path is in the standard library: its
// source is under GOROOT.
func isStd(path string) bool {
	if std, ok := stdPackages.Load(path); ok {
		return std.(bool)
	}
	info, err := os.Stat(filepath.Join(build.Default.GOROOT, "src", path))
	std := err == nil && info.IsDir()
	stdPackages.Store(path, std)
	return std
}

// condLocker returns the class of a Cond's L: the mutex it aliases, or the
// field itself.
func (pa *pkgAnalysis) condLocker(cond ssa.Value) (lockgraph.Class, bool) {
	c, ok := classOf(cond)
	if !ok {
		return c, false
	}
	l := lockgraph.Class{ID: c.ID + ".L", Name: c.Name + ".L"}
	if a, ok := pa.aliases[l.ID]; ok {
		return a, true
	}
	return l, true
}
