package abba // want package:"lock graph, 1 cycles"

// Two types that lock each other's mutex in opposite orders.

import "sync"

type Account struct {
	mu     sync.Mutex
	ledger *Ledger
}

type Ledger struct {
	mu      sync.Mutex
	account *Account
}

func (a *Account) Deposit() { // want Deposit:"acquires abba.Account.mu; acquires abba.Ledger.mu"
	a.mu.Lock()
	defer a.mu.Unlock()
	a.ledger.record()
}

func (l *Ledger) record() { // want record:"acquires abba.Ledger.mu"
	l.mu.Lock() // want `lock order cycle abba.Account.mu -> abba.Ledger.mu -> abba.Account.mu: \(\*abba.Account\).Deposit acquires abba.Ledger.mu while holding abba.Account.mu; \(\*abba.Ledger\).Audit acquires abba.Account.mu while holding abba.Ledger.mu`
	l.mu.Unlock()
}

func (l *Ledger) Audit() { // want Audit:"acquires abba.Account.mu; acquires abba.Ledger.mu"
	l.mu.Lock()
	defer l.mu.Unlock()
	l.account.mu.Lock()
	l.account.mu.Unlock()
}
