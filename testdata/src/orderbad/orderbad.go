package orderbad // want package:`lock graph, 0 cycles`

// Declared orders that cannot hold: a cycle, an unknown lock, a typo.

import "sync"

type A struct{ mu sync.Mutex }
type B struct{ mu sync.Mutex }

//lockorder:order orderbad.A.mu < orderbad.B.mu // want `lockorder:order declares a cycle: orderbad.A.mu < orderbad.B.mu < orderbad.A.mu`
//lockorder:order orderbad.B.mu < orderbad.A.mu
//lockorder:order orderbad.A.mu < orderbad.C.mu // want `lockorder:order names unknown lock orderbad.C.mu`
//lockorder:order orderbad.A.mu // want `lockorder:order: want "a.T.mu < b.U.mu", got "orderbad.A.mu"`
