// Package schematest validates SARIF logs against the SARIF 2.1.0 JSON
// schema, for tests.
//
// The schema, testdata/sarif-schema-2.1.0.json, is the copy of the SARIF
// 2.1.0 schema that Microsoft's SARIF SDK maintains and that its SARIF
// Multitool validates against: the file sarif-2.1.0.json of the npm package
// @microsoft/sarif-multitool-linux@5.7.0 (sha256
// 1c49a0f2b60444c71bb14878e21e0d882198eff4c539861b133093ad89ed798c),
// unchanged but for its name. It is written in JSON Schema draft 2020-12.
package schematest

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

//go:embed testdata/sarif-schema-2.1.0.json
var schemaJSON []byte

// schemaName is the name the schema is compiled under.
const schemaName = "sarif-schema-2.1.0.json"

var compiled = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		return nil, fmt.Errorf("schema: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat() // check "format": uri, uri-reference, date-time...
	if err := c.AddResource(schemaName, doc); err != nil {
		return nil, fmt.Errorf("schema: %v", err)
	}
	return c.Compile(schemaName)
})

// Validate checks that log is JSON that the SARIF 2.1.0 schema accepts,
// formats included; the error lists every violation.
func Validate(log []byte) error {
	sch, err := compiled()
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(log))
	if err != nil {
		return fmt.Errorf("not JSON: %v", err)
	}
	return sch.Validate(inst)
}
