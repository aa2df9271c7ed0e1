"""What the timer and both effects (sound, lighting) stand on, written once.

- `lifecycle`: listeners, and the tasks and timers of one part with a closed flag, so that
  nothing runs, schedules or saves after its timer was unloaded; a coalescing worker.
- `store`: a versioned Store that validates what it loads; damaged data is set aside with
  one warning and a repair issue naming the file, never fatal.
- `calls`: actions on the user's devices with our own Context and a timeout; the memory of
  our Contexts, so that a person's change can be told from ours.
- `failures`: one warning and one translated repair issue per failing entity, cleared when it
  works again, when it is no longer chosen, and on unload.
"""
