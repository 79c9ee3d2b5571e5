package variantuncalled

import "testing"

func TestEventThenAudit(t *testing.T) {
	events.Lock()
	audited()
	events.Unlock()
}

func TestAuditThenEvent(t *testing.T) {
	audit.Lock()
	events.Lock() // want `lock order cycle variantuncalled.audit -> variantuncalled.events -> variantuncalled.audit: variantuncalled.TestAuditThenEvent acquires variantuncalled.events while holding variantuncalled.audit; variantuncalled.TestEventThenAudit acquires variantuncalled.audit while holding variantuncalled.events`
	events.Unlock()
	audit.Unlock()
}
