#ifndef ENTITY_GRAPH_CLIBXML2_SHIM_H
#define ENTITY_GRAPH_CLIBXML2_SHIM_H

// Every C workaround EntityGraph needs for libxml2 lives here, each with its reason.

#include <libxml/xmlversion.h>
// libxml2's ICU headers clash with Foundation's own ICU on Linux in release builds
// ("'UErrorCode' has different definitions in different modules").
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlerror.h>

// xmlFree is a global function pointer, which Swift 6 imports as a mutable global variable
// and refuses to call from concurrent code: call it through a function.
static inline void eg_xml_free(void *pointer) {
    xmlFree(pointer);
}

// Parsing options are a C enum; Swift sees them as separate constants. One value, no network
// access, no entity expansion beyond the document, no blank text nodes.
static inline int eg_xml_read_options(void) {
    return XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE;
}

// Silence libxml2's default error printing to stderr: errors are reported as Swift errors.
static void eg_xml_ignore_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline void eg_xml_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, eg_xml_ignore_error);
}

#endif
