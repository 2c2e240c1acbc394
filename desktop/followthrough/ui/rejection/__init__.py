"""After a rejection: the playbook of steps that keep the door open."""
