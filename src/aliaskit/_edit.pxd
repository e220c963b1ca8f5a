# C types for the compiled build of _edit.py (the .py stays plain Python;
# setup.py and aliaskit._compiled hash this file with it).
cimport cython

cpdef bint _plain(str a, str b) except -1

cdef int _MATRIX[1089]
cdef int _LAST[128]

cpdef long levenshtein(str a, str b) except -1

cpdef long damerau_levenshtein(str a, str b) except -1

@cython.locals(la=Py_ssize_t, lb=Py_ssize_t, i=Py_ssize_t, j=Py_ssize_t, row="int[32]",
               diag=int, up=int, best=int, ca=Py_UCS4)
cpdef long _levenshtein_short(str a, str b) except -1

@cython.locals(la=Py_ssize_t, lb=Py_ssize_t, i=Py_ssize_t, j=Py_ssize_t, width=Py_ssize_t,
               big=int, d="int *", last="int *", ca=int, cb=int, k=int, m=int,
               last_match=int, cost=int, best=int, swap=int)
cpdef long _damerau_short(str a, str b) except -1
