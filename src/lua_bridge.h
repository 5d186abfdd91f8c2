/* lua_bridge.h - the LuaJIT state: loading the engine (lua/ttlua/engine.lua),
 * handing it the command line, calling it for every event, and the C
 * functions it reaches through the FFI (all named ttl_*). */
#ifndef TTLUA_LUA_BRIDGE_H
#define TTLUA_LUA_BRIDGE_H

#include <sys/types.h>

struct spawn_spec {
    char *path;  /* resolved executable, NULL when only attaching */
    char **argv; /* NULL-terminated */
    pid_t *pids; /* -p PIDs, 0-terminated */
};

/* Create the state and load the engine.  Returns 0 or prints why not. */
int bridge_open(const char *argv0);
/* Let the engine parse the command line and load the policy.  Returns -1
 * when ttlua should go on with spec filled, else the exit code. */
int bridge_setup(int argc, char **argv, struct spawn_spec *spec);
/* Free what bridge_setup put in spec. */
void bridge_free_spec(struct spawn_spec *spec);
/* The event hook for the tracer (calls engine.event). */
int bridge_event(void);
struct tracer_hooks;
void bridge_hooks(struct tracer_hooks *h);
/* End of tracing: summaries, on_finish.  Returns the final exit code. */
int bridge_finish(int status);

#endif
