# C types for the compiled build of _pair_rows.py (the .py stays plain Python;
# setup.py and aliaskit._compiled hash this file with it).
cpdef Py_ssize_t find_pair(const long[:] start, const long[:] other, Py_ssize_t x, Py_ssize_t y)
