/* main.c - ttlua's entry point: the engine reads the command line and the
 * policy; this file spawns or attaches and runs the event loop. */
#include "inherit.h"
#include "lua_bridge.h"
#include "tracer.h"

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    inherit_save(); /* before Lua opens anything */
    if (bridge_open(argv[0]) < 0)
        return 1;
    struct spawn_spec spec;
    int rc = bridge_setup(argc, argv, &spec);
    if (rc >= 0)
        return rc;

    struct tracer_hooks hooks = {0};
    bridge_hooks(&hooks);
    tracer_init(&hooks);
    for (pid_t *p = spec.pids; p && *p; p++) {
        int err = tracer_attach(*p);
        if (err < 0) {
            fprintf(stderr, "ttlua: cannot attach to %d: %s\n", (int)*p, strerror(-err));
            tracer_detach_all();
            bridge_free_spec(&spec);
            return 1;
        }
    }
    if (spec.pids && *spec.pids)
        tracer_protect();
    if (spec.path) {
        pid_t pid = tracer_spawn(spec.path, spec.argv);
        if (pid < 0) {
            fprintf(stderr, "ttlua: cannot trace %s: %s\n", spec.path, strerror(-pid));
            bridge_free_spec(&spec);
            return 1;
        }
    }
    bridge_free_spec(&spec);
    int status = tracer_loop();
    return bridge_finish(status);
}
