// Package plugin registers lockorder as a golangci-lint v2 module plugin
// named "lockorder".
//
// Build a golangci-lint binary that includes it with golangci-lint custom
// and a .custom-gcl.yml such as:
//
//	version: v2.15.0
//	plugins:
//	  - module: github.com/lockorder/lockorder
//	    import: github.com/lockorder/lockorder/plugin
//	    version: latest
//
// then enable it in .golangci.yml:
//
//	version: "2"
//	linters:
//	  default: none
//	  enable:
//	    - lockorder
//	  settings:
//	    custom:
//	      lockorder:
//	        type: module
//	        description: lock order cycles (possible deadlocks) and double locks
//	        settings: {}
package plugin

import (
	"fmt"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/lockorder/lockorder/analyzer"
)

func init() {
	register.Plugin("lockorder", New)
}

// Settings are the plugin's settings, the "settings" map of the lockorder
// entry under linters.settings.custom in .golangci.yml.
//
// The analyzer has no options, so Settings has no fields: an absent or
// empty settings map is accepted, and any key in it is rejected as
// unknown, so that a misspelt or future option is not silently ignored.
type Settings struct{}

// Plugin is the lockorder golangci-lint module plugin.
type Plugin struct{}

// New decodes the plugin's settings from .golangci.yml and returns the
// plugin. It is the constructor registered with golangci-lint.
func New(settings any) (register.LinterPlugin, error) {
	if _, err := register.DecodeSettings[Settings](settings); err != nil {
		return nil, fmt.Errorf("lockorder: %w", err)
	}
	return &Plugin{}, nil
}

// BuildAnalyzers returns the lockorder analyzer.
func (*Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{analyzer.Analyzer}, nil
}

// GetLoadMode returns register.LoadModeTypesInfo: the analyzer needs type
// information and SSA, and facts from the packages' dependencies.
func (*Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
