package schematest

import (
	"strings"
	"testing"
)

// minimal is the smallest log the schema accepts.
const minimal = `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t"}}}]}`

func TestValidateAccepts(t *testing.T) {
	if err := Validate([]byte(minimal)); err != nil {
		t.Fatal(err)
	}
}

// TestValidateRejects checks that the schema is really applied: each log
// breaks one of its rules.
func TestValidateRejects(t *testing.T) {
	for _, bad := range []string{
		`{"runs": []}`, // no version
		strings.Replace(minimal, `"2.1.0"`, `"2.0.0"`, 1),
		strings.Replace(minimal, `"name": "t"`, `"name": "t", "informationUri": "not a uri"`, 1),
		strings.Replace(minimal, `"tool"`, `"results": [{"message": {"text": "m"}, "level": "fatal"}], "tool"`, 1),
		strings.Replace(minimal, `"tool"`, `"bogus": 1, "tool"`, 1),
		`{"version": "2.1.0", "runs": [`,
	} {
		if err := Validate([]byte(bad)); err == nil {
			t.Errorf("schema accepts %s", bad)
		}
	}
}
