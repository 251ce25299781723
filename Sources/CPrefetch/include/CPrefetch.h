#ifndef ENTITY_GRAPH_CPREFETCH_H
#define ENTITY_GRAPH_CPREFETCH_H

/// Asks the processor to start loading the cache line at `address` for a read soon. It never
/// faults and has no effect on results: the trie walk and the word cache use it to overlap the
/// memory accesses of the next words with the work on this one.
static inline void entity_graph_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
