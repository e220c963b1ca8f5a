# C types for the compiled build of _pair_rows.py (the .py stays plain Python;
# setup.py and aliaskit._compiled hash this file with it).
cimport cython

@cython.locals(lo=Py_ssize_t, hi=Py_ssize_t, mid=Py_ssize_t, found=long)
cpdef Py_ssize_t find_pair(const long[:] start, const long[:] other, Py_ssize_t x, Py_ssize_t y)
