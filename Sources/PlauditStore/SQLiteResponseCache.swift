import PlauditCore
import GRDB

// Placeholder: the GRDB-backed ResponseCache lands here.
