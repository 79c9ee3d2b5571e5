package plugin_test

import (
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"

	"github.com/lockorder/lockorder/analyzer"
	"github.com/lockorder/lockorder/plugin"
)

// TestRegistered checks that importing the package registers the plugin
// under the name .golangci.yml uses, with the constructor New.
func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("lockorder")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := p.(*plugin.Plugin); !ok {
		t.Errorf("registered constructor returns %T, want *plugin.Plugin", p)
	}
}

// TestNewSettings checks which settings New accepts: absent or empty
// settings, as golangci-lint passes them from .golangci.yml, and no key.
func TestNewSettings(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings any
		err      string // substring of the error; "" for none
	}{
		{"absent", nil, ""},
		{"empty", map[string]any{}, ""},
		{"unknown key", map[string]any{"depth": 3}, `lockorder: decoding settings: json: unknown field "depth"`},
		{"not a map", "yes", "lockorder: decoding settings: json: cannot unmarshal string"},
	} {
		p, err := plugin.New(tc.settings)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%s: New(%#v): %v", tc.name, tc.settings, err)
		case tc.err == "" && p == nil:
			t.Errorf("%s: New(%#v) returned no plugin", tc.name, tc.settings)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%s: New(%#v) error %v, want one containing %q", tc.name, tc.settings, err, tc.err)
		}
	}
}

func TestBuildAnalyzers(t *testing.T) {
	p, err := plugin.New(map[string]any{})
	if err != nil {
		t.Fatal(err)
	}
	analyzers, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if len(analyzers) != 1 || analyzers[0] != analyzer.Analyzer {
		t.Errorf("BuildAnalyzers() = %v, want [analyzer.Analyzer]", analyzers)
	}
	if analyzers[0].Name != "lockorder" {
		t.Errorf("analyzer name %q, want lockorder", analyzers[0].Name)
	}
}

func TestGetLoadMode(t *testing.T) {
	p, err := plugin.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
}
