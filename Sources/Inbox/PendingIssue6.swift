// The Inbox target turns verified activities into commands on Commerce (issue 6): POST /inbox,
// its durable queue and one handler per activity kind. Nothing is here yet; this file only keeps
// the target buildable until that issue lands.
